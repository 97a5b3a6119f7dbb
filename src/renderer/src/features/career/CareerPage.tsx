/** The Career section. The tracker itself is built in the career issue (#7). */
export function CareerPage() {
  return (
    <section aria-labelledby="career-heading">
      <h1 id="career-heading">Career</h1>
      <p>Track certifications, continuing education, salary and goals here.</p>
    </section>
  )
}
