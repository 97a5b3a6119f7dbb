/**
 * The built-in catalogue as shipped with Gantry: a verbatim copy of `data/certifications.json` and
 * `data/salary-bands.json` (themselves copied from the product's research notes, with their sources and
 * per-figure verification levels). A test checks that these constants equal the JSON files, so edit the JSON
 * and regenerate, never only one of them.
 */
import type { CatalogueCertification, SalaryBandsDocument } from './catalogue'

export const catalogueCertificationsData: readonly CatalogueCertification[] = [
  {
    id: 'pmp',
    name: 'Project Management Professional (PMP)',
    issuer: 'Project Management Institute (PMI)',
    validityYears: 3,
    expires: true,
    unitName: 'PDU',
    unitsPerCycle: 60,
    categoryRules: [
      {
        category: 'Education',
        min: 35,
      },
      {
        category: 'Ways of Working',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Power Skills',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Business Acumen',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Giving Back',
        max: 25,
      },
      {
        category: 'Working as a Practitioner',
        within: 'Giving Back',
        max: 8,
      },
    ],
    renewalFee: 150,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: 60,
    notes:
      'Three-year cycle counted from the exam date. 1 PDU is roughly one hour of activity. Education has no upper cap, so all 60 may be Education. The 11 Education PDUs above the three 8-PDU skill minimums can fall in any skill area. Talent Triangle areas were renamed (formerly Technical, Leadership, Strategic and Business Management). The fee (non-member 150, member 60) comes from training-provider pages, not from a PMI fee page.',
    sources: [
      'https://www.pmi.org/certifications/certification-resources/maintain',
      'https://projectvictor.com/knowledge-base/?p=3765',
      'https://projectmanagementacademy.net/resources/blog/pmi-certification-renewal-and-pdus/',
      'http://www.pmconnection.com/modules.php?name=News&file=article&sid=17',
      'https://wcpconsulting.com/changes-to-the-pdu-requirements/',
      'https://shrilearning.com/pmp-renewal-fee-breakdown/',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'official',
      categoryRules: 'secondary',
      renewalFee: 'secondary',
    },
  },
  {
    id: 'capm',
    name: 'Certified Associate in Project Management (CAPM)',
    issuer: 'Project Management Institute (PMI)',
    validityYears: 3,
    expires: true,
    unitName: 'PDU',
    unitsPerCycle: 15,
    categoryRules: [
      {
        category: 'Education',
        min: 9,
      },
      {
        category: 'Ways of Working',
        within: 'Education',
        min: 2,
      },
      {
        category: 'Power Skills',
        within: 'Education',
        min: 2,
      },
      {
        category: 'Business Acumen',
        within: 'Education',
        min: 2,
      },
      {
        category: 'Giving Back',
        max: 6,
      },
      {
        category: 'Working as a Practitioner',
        within: 'Giving Back',
        max: 2,
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: null,
    notes:
      "PMI's maintain page states the 15-PDU, 9-minimum-Education, 6-maximum-Giving-Back and 2-per-skill-area rules. Older PMI pages describe a five-year cycle ending in an exam retake; that rule was replaced (a training provider dates the switch to October 2020). The practitioner cap of 2 comes from one secondary table only. Renewal fee not verified from a reliable page (blogs report 60 member / 150 non-member USD), so it is left null.",
    sources: [
      'https://www.pmi.org/certifications/certification-resources/maintain',
      'https://projectvictor.com/knowledge-base/?p=3765',
      'https://projectmanagementacademy.net/resources/blog/pmi-certification-renewal-and-pdus/',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'official',
      categoryRules: 'official (practitioner cap: secondary)',
      renewalFee: 'unverified',
    },
  },
  {
    id: 'pmi-acp',
    name: 'PMI Agile Certified Practitioner (PMI-ACP)',
    issuer: 'Project Management Institute (PMI)',
    validityYears: 3,
    expires: true,
    unitName: 'PDU',
    unitsPerCycle: 30,
    categoryRules: [
      {
        category: 'Education',
        min: 18,
      },
      {
        category: 'Ways of Working',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Power Skills',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Business Acumen',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Giving Back',
        max: 12,
      },
      {
        category: 'Working as a Practitioner',
        within: 'Giving Back',
        max: 4,
      },
    ],
    renewalFee: 150,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: 60,
    notes:
      "PMI's maintain page gives 30 PDUs per three years; the split (18 Education minimum, 4 per skill area, 12 Giving Back maximum, 4 for practitioner work) comes from training-provider tables that agree with each other. Education activities should relate to agile topics. Fee figures come from one training-provider page.",
    sources: [
      'https://www.pmi.org/certifications/certification-resources/maintain',
      'https://projectvictor.com/knowledge-base/?p=3765',
      'https://gururo.com/how-to-earn-30-pdus-and-renew-pmi-acp-pmi-rmp-pmi-sp',
      'https://wcpconsulting.com/changes-to-the-pdu-requirements/',
      'https://blog.masterofproject.com/pmi-acp-pdu-requirements',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'official',
      categoryRules: 'secondary',
      renewalFee: 'secondary',
    },
  },
  {
    id: 'pgmp',
    name: 'Program Management Professional (PgMP)',
    issuer: 'Project Management Institute (PMI)',
    validityYears: 3,
    expires: true,
    unitName: 'PDU',
    unitsPerCycle: 60,
    categoryRules: [
      {
        category: 'Education',
        min: 35,
      },
      {
        category: 'Ways of Working',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Power Skills',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Business Acumen',
        within: 'Education',
        min: 8,
      },
      {
        category: 'Giving Back',
        max: 25,
      },
      {
        category: 'Working as a Practitioner',
        within: 'Giving Back',
        max: 8,
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: null,
    notes:
      'Same PDU structure as PMP per training-provider tables; PMI chapters also state 60 PDUs per three-year cycle for PgMP. Renewal fee not found on a reliable page, so null.',
    sources: [
      'https://projectmanagementacademy.net/resources/blog/pmi-certification-renewal-and-pdus/',
      'https://projectvictor.com/knowledge-base/?p=3765',
      'https://www.techrepublic.com/article/a-quick-guide-to-pmis-professional-development-units/',
      'https://pmieasterniowa.org/how-to-earn-pdus',
    ],
    verification: {
      validityYears: 'secondary',
      unitsPerCycle: 'secondary',
      categoryRules: 'secondary',
      renewalFee: 'unverified',
    },
  },
  {
    id: 'pmi-rmp',
    name: 'PMI Risk Management Professional (PMI-RMP)',
    issuer: 'Project Management Institute (PMI)',
    validityYears: 3,
    expires: true,
    unitName: 'PDU',
    unitsPerCycle: 30,
    categoryRules: [
      {
        category: 'Education',
        min: 18,
      },
      {
        category: 'Ways of Working',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Power Skills',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Business Acumen',
        within: 'Education',
        min: 4,
      },
      {
        category: 'Giving Back',
        max: 12,
      },
      {
        category: 'Working as a Practitioner',
        within: 'Giving Back',
        max: 4,
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: null,
    notes:
      'Grouped with PMI-ACP and PMI-SP (30 PDUs per three years) in training-provider tables. Education should be in the risk-management area. Renewal fee not verified, so null.',
    sources: [
      'https://projectmanagementacademy.net/resources/blog/pmi-certification-renewal-and-pdus/',
      'https://gururo.com/how-to-earn-30-pdus-and-renew-pmi-acp-pmi-rmp-pmi-sp',
      'https://wcpconsulting.com/changes-to-the-pdu-requirements/',
      'https://www.techrepublic.com/article/a-quick-guide-to-pmis-professional-development-units/',
    ],
    verification: {
      validityYears: 'secondary',
      unitsPerCycle: 'secondary',
      categoryRules: 'secondary',
      renewalFee: 'unverified',
    },
  },
  {
    id: 'prince2-foundation',
    name: 'PRINCE2 Foundation',
    issuer: 'PeopleCert (AXELOS)',
    validityYears: 3,
    expires: true,
    unitName: 'CPD',
    unitsPerCycle: 60,
    categoryRules: [
      {
        category: 'All CPD categories',
        min: 20,
        per: 'year',
      },
      {
        category: 'Professional Experience',
        min: 5,
        per: 'year',
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: null,
    renewalFeeMember: null,
    notes:
      'Since January 2023 PeopleCert gives Global Best Practice certificates a renew-by date three years out; before that, Foundation never expired. Renewal routes: resit the exam, pass another exam in the same product suite (PRINCE2, PRINCE2 Agile, MSP, M_o_R, MoV, MoP, P3O share one renew-by date), or log 20 CPD points a year for three straight years, which needs an active MyAxelos/PeopleCert subscription. Without renewal the holder stays on the register but is flagged as not current. The official list names PRINCE2 5th and 6th editions; coverage of the 7th edition was not confirmed. Subscription price not verified, so no fee.',
    sources: [
      'https://www.axelos.com/resource-hub/article/continuous-professional-development',
      'https://www.globalknowledge.com/us-en/training/certification-prep/brands/itil/section/peoplecert-recertification/itil-4-and-prince2-certification-renewal-policy/',
      'https://www.ritt.eu/en/know-how/artikel/detail/news/changes-in-the-prince2-certifications',
      'https://spoce.com/blog/post/important-news-regarding-your-peoplecert-certification',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'secondary',
      categoryRules: 'secondary',
      renewalFee: 'unverified',
    },
  },
  {
    id: 'prince2-practitioner',
    name: 'PRINCE2 Practitioner',
    issuer: 'PeopleCert (AXELOS)',
    validityYears: 3,
    expires: true,
    unitName: 'CPD',
    unitsPerCycle: 60,
    categoryRules: [
      {
        category: 'All CPD categories',
        min: 20,
        per: 'year',
      },
      {
        category: 'Professional Experience',
        min: 5,
        per: 'year',
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: null,
    renewalFeeMember: null,
    notes:
      'Practitioner already had a three-year validity under PRINCE2 2017 (resit, or keep a membership and log 20 CPD points each year). The 2023 PeopleCert scheme keeps three years with the same three renewal routes as Foundation; passing a higher exam in the suite also renews lower ones. 7th-edition specifics and subscription cost were not verified.',
    sources: [
      'https://www.axelos.com/certifications/prince2/maintaining-prince2-practitioner-certification',
      'https://www.axelos.com/resource-hub/article/continuous-professional-development',
      'https://www.globalknowledge.com/us-en/training/certification-prep/brands/itil/section/peoplecert-recertification/itil-4-and-prince2-certification-renewal-policy/',
      'https://www.qa.com/browse/partners/peoplecert-recertification/',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'official (20 per year)',
      categoryRules: 'secondary',
      renewalFee: 'unverified',
    },
  },
  {
    id: 'csm',
    name: 'Certified ScrumMaster (CSM)',
    issuer: 'Scrum Alliance',
    validityYears: 2,
    expires: true,
    unitName: 'SEU',
    unitsPerCycle: 20,
    categoryRules: [],
    renewalFee: 100,
    renewalFeeCurrency: 'USD',
    renewalFeeMember: null,
    notes:
      "Renew every two years; 1 hour of learning counts as 1 SEU (PDUs and other CEUs are also accepted) and SEUs must be earned inside the last two years. Earning another Scrum Alliance certification renews the ones already held; with several certifications only the highest needs renewing. No category minimums were found. The 20 SEU / 100 USD figures come from consistent training-provider pages; Scrum Alliance's own page confirms the two-year cycle.",
    sources: [
      'https://www.scrumalliance.org/get-certified/renewing-certifications',
      'https://www.agil8.com/blog/changes-to-renewal-process-for-scrum-alliance-certifications/',
      'https://artisanagility.com/scrum-education-units-seus-becoming-real-in-february-2019/',
      'https://foxhedgeltd.com/renew-your-certification',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'secondary',
      categoryRules: 'n/a',
      renewalFee: 'secondary',
    },
  },
  {
    id: 'psm-1',
    name: 'Professional Scrum Master I (PSM I)',
    issuer: 'Scrum.org',
    validityYears: null,
    expires: false,
    unitName: null,
    unitsPerCycle: null,
    categoryRules: [],
    renewalFee: null,
    renewalFeeCurrency: null,
    renewalFeeMember: null,
    notes:
      'Widely reported as a lifetime credential with no renewal fee and no continuing-education requirement. No Scrum.org page was found in the stored sources, so this rests on secondary articles only; confirm against Scrum.org before shipping.',
    sources: [
      'https://visualfoodie.com/psm-certification-expiration-and-renewal-process',
      'https://centeringsection.com/how-long-does-scrum-master-certification-last',
    ],
    verification: {
      validityYears: 'unverified (secondary only)',
      unitsPerCycle: 'n/a',
      categoryRules: 'n/a',
      renewalFee: 'n/a',
    },
  },
  {
    id: 'comptia-project-plus',
    name: 'CompTIA Project+',
    issuer: 'CompTIA',
    validityYears: null,
    expires: false,
    unitName: 'CEU',
    unitsPerCycle: null,
    categoryRules: [],
    renewalFee: null,
    renewalFeeCurrency: null,
    renewalFeeMember: null,
    notes:
      'Listed as Good for Life (no renewal) alongside Server+ and CTT+ in a 2021 CompTIA training-partner guide, unlike A+/Network+/Security+ which run three-year CE cycles. A 2025 third-party guide mentions a continuing-education change for Project+ from 1 October 2025 that could not be verified; re-check CompTIA before relying on the lifetime status.',
    sources: [
      'https://www.globalknowledge.com/ca-en/resources/resource-library/articles/a-comptia-certified-professional-s-guide-to-maintaining-your-certifications/',
      'https://flashgenius.net/blog-article/comptia-project-guide-2025-exam-cost-ce-changes',
    ],
    verification: {
      validityYears: 'secondary (possible 2025 change unverified)',
      unitsPerCycle: 'unverified',
      categoryRules: 'n/a',
      renewalFee: 'n/a',
    },
  },
  {
    id: 'itil4-foundation',
    name: 'ITIL 4 Foundation',
    issuer: 'PeopleCert (AXELOS)',
    validityYears: 3,
    expires: true,
    unitName: 'CPD',
    unitsPerCycle: 60,
    categoryRules: [
      {
        category: 'All CPD categories',
        min: 20,
        per: 'year',
      },
      {
        category: 'Professional Experience',
        min: 5,
        per: 'year',
      },
    ],
    renewalFee: null,
    renewalFeeCurrency: null,
    renewalFeeMember: null,
    notes:
      'ITIL 4 certificates carry a three-year renew-by date (ITIL v3 certificates do not). Renew by resitting, by passing another ITIL 4 exam (all ITIL 4 certificates share one renew-by date), or by logging at least 20 CPD points a year for three consecutive years with an active subscription. Lapsed holders stay on the register with a not-current note. Subscription cost not verified.',
    sources: [
      'https://www.axelos.com/resource-hub/article/continuous-professional-development',
      'https://examsimul.com/stageit/resources/examination-institute/peoplecert/how-to-renew-itil-certification',
      'https://www.globalknowledge.com/us-en/training/certification-prep/brands/itil/section/peoplecert-recertification/itil-4-and-prince2-certification-renewal-policy/',
      'https://blog.invgate.com/peoplecert-itil-certification-renewal-announcement',
    ],
    verification: {
      validityYears: 'official',
      unitsPerCycle: 'secondary',
      categoryRules: 'secondary',
      renewalFee: 'unverified',
    },
  },
]

export const salaryBandsData: SalaryBandsDocument = {
  currency: 'USD',
  period: 'year',
  role: 'IT project manager',
  origin: 'Product source document (not independently verified)',
  boundaryRule:
    'min is inclusive and max is exclusive; a salary exactly on a shared boundary belongs to the higher band; the senior band has no upper limit',
  bands: [
    {
      id: 'entry',
      label: 'Entry-level',
      min: 55000,
      max: 75000,
      openEnded: false,
    },
    {
      id: 'mid',
      label: 'Mid-level',
      min: 75000,
      max: 95000,
      openEnded: false,
    },
    {
      id: 'senior',
      label: 'Senior',
      min: 95000,
      max: 120000,
      openEnded: true,
      display: '95,000-120,000+',
    },
  ],
  stages: [
    {
      id: 'entry',
      label: 'Entry-level',
      bandId: 'entry',
      focus: ['Tracking', 'Scheduling', 'Documentation', 'Coordination'],
    },
    {
      id: 'mid',
      label: 'Mid-level',
      bandId: 'mid',
      focus: ['Medium-sized projects', 'Competing deadlines', 'Multiple stakeholders'],
    },
    {
      id: 'senior',
      label: 'Senior',
      bandId: 'senior',
      focus: ['Major programs', 'Mentoring', 'Strategy'],
    },
    {
      id: 'beyond',
      label: 'Beyond senior',
      bandId: null,
      paths: ['Program management', 'Portfolio management', 'PMO leadership', 'IT operations leadership'],
    },
  ],
  notes:
    'Figures are taken as given by the product source document; they are broad US ranges with no region, date or sample attached. Senior pay can exceed 120,000, so the UI should treat that band as open-ended. No salary figures are given for the beyond-senior paths.',
}
