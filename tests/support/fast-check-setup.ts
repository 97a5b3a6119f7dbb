import fc from 'fast-check'

/**
 * Property tests run from a fixed seed so a CI run is repeatable; set FC_SEED to another number (or `random`) to
 * explore further. A failure prints its seed and counterexample: turn it into a table test.
 */
const requested = process.env.FC_SEED
if (requested !== 'random') {
  const seed = requested === undefined || requested === '' ? 20261126 : Number(requested)
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${requested}"`)
  fc.configureGlobal({ seed })
}
