"""The content behind :mod:`cskit.guide`: benchmarks, levers and first actions per KPI.

Plain data, one dict per KPI, turned into :class:`cskit.guide.GuideEntry` objects
by :mod:`cskit.guide`. Each benchmark names its publisher, report and year; ``url``
is the publisher's own page when we read it there, ``via`` the secondary page
where we read a figure whose original we could not open. ``kind`` says what the
figure is: ``"measured"`` (computed from a vendor's platform data), ``"survey"``
(self-reported by companies or customers), ``"compilation"`` (a vendor's
summary of other sources) or ``"rule of thumb"`` (a commonly quoted threshold;
its attribution is given, not vouched for). The wording is ours throughout.
"""

from __future__ import annotations

RECURLY_2019 = {
    "publisher": "Recurly Research",
    "report": "Annual Subscription Billing Metrics Report (data January–December 2019)",
    "year": 2019,
    "url": "https://recurly.com/research/annual-subscription-billling-metrics-report",
    "kind": "measured",
}

PACIFIC_CREST_2016 = {
    "publisher": "Pacific Crest Securities (now part of KeyBanc Capital Markets)",
    "report": "2016 Private SaaS Company Survey (published 17 October 2016)",
    "year": 2016,
    "url": None,
    "kind": "survey",
}

SAAS_CAPITAL_2023 = {
    "publisher": "SaaS Capital",
    "report": "2023 B2B SaaS Retention Benchmarks (Research Brief 28, 12th annual survey)",
    "year": 2023,
    "url": None,
    "via": "https://saasventurecapital.com/blog-detail/hintofsaasjune23-3",
    "kind": "survey",
}

AMPLITUDE_2025 = {
    "publisher": "Amplitude",
    "report": "Product Benchmark Report (2025 edition), as summarised in Amplitude's "
              "product-analytics guide",
    "year": 2025,
    "url": "https://amplitude.com/ko-kr/explore/analytics/product-analytics-guide",
    "kind": "measured",
}

CHARTMOGUL_ARPA = {
    "publisher": "ChartMogul",
    "report": "Help Center, 'Chart: Customer Churn Rate' (undated page, read in "
              "2026)",
    "year": 2026,
    "url": "https://help.chartmogul.com/hc/en-us/articles/203359321-Chart-"
           "Customer-Churn-Rate",
    "kind": "measured",
    "figure": "the lower the ARPA, the higher the churn: about 6–7 % a month "
              "below $10 ARPA, about 1–2 % a month at $500 ARPA or more "
              "(3–7 % a month is typical for SaaS)",
    "caveats": "From ChartMogul's analysis of data from the SaaS businesses it "
               "serves; monthly customer churn, by ARPA band. The "
               "page is undated, so the year is when we read it. Read ARPA and "
               "churn together: raising ARPA by moving upmarket changes churn too.",
}

ENTRIES: dict[str, dict] = {
    "churn": {
        "title": "Customer (logo) churn rate",
        "aliases": ("logo_churn", "revenue_churn"),
        "benchmarks": (
            {
                **RECURLY_2019,
                "figure": "median monthly subscriber churn 5.48 % across all industries; "
                          "5.15 % for B2B, 6.81 % for B2C",
                "caveats": "Nearly 2,000 subscription sites billing through Recurly, of every "
                           "kind (SaaS, box-of-the-month, media, education…), not SaaS alone. "
                           "Measured from billing data, per subscriber, per month; includes "
                           "involuntary churn (failed payments), which Recurly reports "
                           "separately. Monthly rates: do not compare with an annual figure.",
            },
            {
                **PACIFIC_CREST_2016,
                "figure": "median annual customer (unit) churn about 10 %",
                "via": "https://www.insivia.com/quoter/the-median-annual-unit-churn-for-saas-"
                       "companies-was-10-in-2016/",
                "caveats": "Self-reported by 336 private SaaS companies (median revenue about "
                           "$5M, median ACV about $25K, mostly US). Annual, by customer count; "
                           "companies with contracts of two years or more reported the lowest "
                           "churn. About 10 % a year is roughly 0.9 % a month — far below the "
                           "subscriber rates above, because ACV and contract length differ.",
            },
            CHARTMOGUL_ARPA,
        ),
        "levers": (
            "Onboarding and time to first value: accounts that never activate are at risk.",
            "Product fit for the segment sold to (small, low-ACV customers churn more).",
            "Contract length and billing term (annual contracts defer and lower churn).",
            "Payment failures (involuntary churn): card updates, retries, dunning.",
            "Support experience and unresolved issues before renewal.",
        ),
        "actions": (
            "Split the lost accounts into voluntary and involuntary, and by segment and tenure, "
            "to see whether the rise is one group or everyone.",
            "Call or write to each recently lost account above a set MRR and record the reason "
            "in a fixed list of categories.",
            "List the accounts with the same profile that are still active (same plan, no "
            "recent login, open tickets) and contact them before their renewal date.",
        ),
    },
    "mrr": {
        "title": "MRR and its movements",
        "aliases": ("mrr_movements",),
        "benchmarks": (
            {
                **PACIFIC_CREST_2016,
                "figure": "median annual gross dollar churn about 8 % (7 % in 2015, 6 % in "
                          "2014, 8 % in 2013)",
                "via": "https://www.insivia.com/quoter/the-median-annual-unit-churn-for-saas-"
                       "companies-was-10-in-2016/",
                "caveats": "Churned plus contracted revenue over a year, before upsells; "
                           "self-reported survey of private SaaS companies. The sum of the "
                           "churn and contraction movements over twelve months, divided by MRR "
                           "at the start, is the comparable number.",
            },
            {
                **PACIFIC_CREST_2016,
                "figure": "about 15–16 % of new annual contract value came from upsells and "
                          "expansions at the median company",
                "via": "http://brooke.land/saas-metrics-2016/",
                "caveats": "Secondary summaries of the survey give 15 % and 16 %. Larger "
                           "companies reported a bigger share. Compare with expansion MRR "
                           "divided by (new + expansion) MRR over a year.",
            },
        ),
        "levers": (
            "New business (sales and marketing volume, conversion of trials).",
            "Expansion: seats, usage tiers, add-ons, price increases at renewal.",
            "Contraction: seat cuts and downgrades, often a sign of lower usage.",
            "Churn of whole accounts, and reactivation of former ones.",
            "Discounts and how annual plans are normalised to a month.",
        ),
        "actions": (
            "Read which movement changed (new, expansion, contraction, churn, reactivation) "
            "before reading the total: a flat MRR can hide large opposite flows.",
            "For contraction and churn, list the accounts behind the largest amounts and check "
            "usage and tickets in the months before.",
            "For expansion, find what the expanding accounts did first (feature, seats) and "
            "offer the same path to similar accounts.",
        ),
    },
    "arpa": {
        "title": "ARPA / ARPU (revenue per account or user)",
        "aliases": ("arpu",),
        "benchmarks": (
            {
                **SAAS_CAPITAL_2023,
                "figure": "no universal ARPA level: what benchmarks show is that annual "
                          "contract value shapes retention — median net revenue retention "
                          "rises with ACV while median gross retention stays around 90–93 %",
                "caveats": "Private B2B SaaS companies, self-reported; the key charts exclude "
                           "companies below $1M ARR. ARPA itself depends on your pricing and "
                           "market, so compare it with your own history and segments, not "
                           "with other companies.",
            },
            {
                **PACIFIC_CREST_2016,
                "figure": "respondents' median annual contract value about $25K (about $2,100 "
                          "a month)",
                "via": "https://fdocuments.us/document/2016-pacific-crest-securities-private-"
                       "saas-2-pacific-crest-2016-private-saas.html",
                "caveats": "A description of who answered the survey, not a target; it tells "
                           "you which of the survey's other figures apply to a company like "
                           "yours.",
            },
            CHARTMOGUL_ARPA,
        ),
        "levers": (
            "Plan mix: which tiers new customers choose and existing ones move to.",
            "Price changes and discounting.",
            "Seats or usage per account (expansion and contraction).",
            "Customer mix: a wave of small new accounts lowers ARPA without any loss.",
        ),
        "actions": (
            "Split the change into price, plan mix and customer mix (new small accounts) "
            "before calling it good or bad.",
            "Check whether discounts granted in the period explain the move.",
            "For accounts whose revenue fell, look at seat and usage trends and talk to the "
            "owner about the plan that fits.",
        ),
    },
    "nrr": {
        "title": "Net and gross revenue retention (NRR / NDR, GRR)",
        "aliases": ("ndr", "grr"),
        "benchmarks": (
            {
                **SAAS_CAPITAL_2023,
                "figure": "median gross revenue retention about 90–93 % across contract-value "
                          "bands; median net revenue retention at or above 100 % for "
                          "companies over $1M ARR, higher with larger contracts (above 120 % "
                          "is best in class for six-figure contracts)",
                "caveats": "Survey of more than 1,500 private B2B SaaS companies. SaaS "
                           "Capital's definition (as stated in its 2019 brief): this month's MRR from customers who were "
                           "customers twelve months ago, divided by all MRR twelve months "
                           "ago (annual, cohort-based). A monthly NRR is not comparable.",
            },
            {
                **PACIFIC_CREST_2016,
                "figure": "median annual net dollar retention 102 %",
                "via": "http://brooke.land/saas-metrics-2016/",
                "caveats": "Self-reported, 336 private SaaS companies, median ACV about $25K.",
            },
        ),
        "levers": (
            "Gross losses: churn and contraction (GRR can never exceed 100 %).",
            "Expansion: seats, usage, cross-sell, price increases.",
            "Contract value: larger contracts usually retain and expand more.",
            "Renewal process: timing, multi-year terms, price-increase policy.",
        ),
        "actions": (
            "Read GRR next to NRR: if NRR fell but GRR held, expansion slowed; if GRR fell, "
            "customers are leaving or shrinking.",
            "List the accounts with the largest drop in revenue over the window and review "
            "each with its owner.",
            "Build the renewal calendar of the next two quarters and start the review with "
            "at-risk accounts ninety days before the date.",
        ),
    },
    "nps": {
        "title": "Net Promoter Score (NPS)",
        "aliases": (),
        "benchmarks": (
            {
                "publisher": "Qualtrics XM Institute",
                "report": "Consumer NPS benchmark study (data snippet, 2021)",
                "year": 2021,
                "url": "https://xminstitute.com/data-snippets/consumer-nps-2021/",
                "kind": "survey",
                "figure": "industry averages from -0.1 (consumer payments, lowest) to 33.3 "
                          "(grocery, highest)",
                "caveats": "US consumers (9,056 respondents, 344 companies, 22 industries) — "
                           "not B2B software users. Shows how far averages differ by industry; "
                           "compare within your industry and survey type only.",
            },
            {
                "publisher": "various NPS survey vendors (e.g. Retently, CustomerGauge)",
                "report": "B2B SaaS NPS benchmark pages",
                "year": 2025,
                "url": None,
                "via": "https://churnward.com/blog/what-is-a-good-nps-score",
                "kind": "rule of thumb",
                "figure": "a B2B SaaS NPS of roughly 30–40 is commonly quoted as typical",
                "caveats": "A commonly quoted rule of thumb compiled from vendors' 2024–2026 "
                           "reports on their own customer bases, not a controlled study. Relationship NPS (periodic) runs "
                           "lower than transactional NPS (after an interaction); answers in "
                           "different languages and cultures score differently; with fewer "
                           "than about 100 answers the interval is wider than the gaps between "
                           "benchmarks. Bain & Company, which created NPS, recommends "
                           "double-blind competitive benchmarks over published averages.",
            },
            {
                "publisher": "Bain & Company (Reichheld and Markey)",
                "report": "The Ultimate Question 2.0 (book), as quoted in Bain's article "
                          "'The benefits of a competitive benchmark Net Promoter Score'",
                "year": 2011,
                "url": None,
                "via": "https://bain01mstrtbw81prod.dxcloud.episerver.net/fr/insights/the-"
                       "benefits-of-a-competitive-benchmark-net-promoter-score",
                "kind": "survey",
                "figure": "loyalty leaders such as Apple or USAA reach 75–85 in Bain's "
                          "competitive benchmarks",
                "caveats": "Consumer brands, and a competitive benchmark (a sample of the "
                           "whole market, asked blind) — not a relationship survey of your own "
                           "customers, which Bain says should not be compared with it. Shows "
                           "the ceiling, not the typical level.",
            },
        ),
        "levers": (
            "Product reliability and fit for the customer's use case.",
            "Support experience: effort and time to resolution.",
            "Who is asked: users vs buyers, new vs long-standing accounts, survey timing.",
            "Closing the loop: replying to detractors and fixing what they raised.",
        ),
        "actions": (
            "Look at the interval and the number of answers before reacting; a move inside "
            "the interval is not news.",
            "Reply to every detractor within a few working days and record the theme of the "
            "complaint.",
            "Group the comments by theme and segment, and bring the top theme with its count "
            "to the product and support leads.",
        ),
    },
    "csat": {
        "title": "Customer satisfaction (CSAT)",
        "aliases": (),
        "benchmarks": (
            {
                "publisher": "Zendesk",
                "report": "Zendesk Benchmark, Q3 2013 (press release, 30 October 2013)",
                "year": 2013,
                "url": "https://www.zendesk.com/newsroom/press-releases/zendesk-benchmark-"
                       "customer-satisfaction-rise-big-gains-emerging-markets/",
                "kind": "measured",
                "figure": "average satisfaction rating 82 % (share of 'good' ratings after a "
                          "ticket)",
                "caveats": "Measured on real support interactions of about 16,000 companies "
                           "using Zendesk; a two-option good/bad rating, not a 1–5 scale. "
                           "Zendesk's March 2012 index put the global figure at 86 %. Old "
                           "figures: check Zendesk's current benchmark inside the product.",
            },
            {
                "publisher": "SQM Group",
                "report": "How Call Centers Improve FCR, CSAT and Reduce Cost (blog, "
                          "16 December 2021)",
                "year": 2021,
                "url": "https://www.sqmgroup.com/resources/library/blog/learn-best-call-"
                       "centers-improve-fcr-csat-and-reduce-cost",
                "kind": "survey",
                "figure": "world-class: 85 % or more 'very satisfied' (top box)",
                "caveats": "North American call centers, post-call customer surveys, top box "
                           "only; stricter than a top-two-box (4–5 of 5) CSAT.",
            },
        ),
        "levers": (
            "Resolution: solved on first contact, without a reopen.",
            "Speed of the first reply and of the resolution.",
            "Agent knowledge and tone; the channel used.",
            "Which interactions are surveyed and who answers (response bias).",
        ),
        "actions": (
            "Break CSAT down by ticket category, channel and agent to find where the drop "
            "sits.",
            "Read the low ratings of the period with their tickets and tag the cause "
            "(product bug, policy, slow reply, wrong answer).",
            "Fix the largest cause with its owner (a macro, a knowledge-base article, a bug "
            "report) and follow the category next month.",
        ),
    },
    "conversion": {
        "title": "Conversion rate (trial or free to paid)",
        "aliases": ("trial_conversion", "free_to_paid"),
        "benchmarks": (
            {
                "publisher": "OpenView Partners",
                "report": "Product-led growth benchmarks (as quoted by secondary sources)",
                "year": 2024,
                "url": None,
                "via": "https://optif.ai/glossary/free-to-paid-conversion",
                "kind": "rule of thumb",
                "figure": "freemium 2–5 %; free trial without a card about 10–25 %; trial "
                          "with a card required about 40–60 %",
                "caveats": "Commonly quoted ranges, attributed to OpenView; we could not read "
                           "the original. The model matters more than anything: never compare "
                           "a freemium rate with a trial rate. Rates also depend on the "
                           "denominator (all sign-ups vs activated ones) and on counting "
                           "trials that are still running.",
            },
            {
                "publisher": "Totango",
                "report": "study of about 100 SaaS companies (2012), as compiled by "
                          "Analytics Pack",
                "year": 2012,
                "url": None,
                "via": "https://www.analyticspack.com/metrics/6-free-to-paid",
                "kind": "compilation",
                "figure": "about 15 % of trials converted without a card up front, about 50 % "
                          "with one",
                "caveats": "Old, small sample; read here from a compilation of vendor "
                           "figures, not the study.",
            },
        ),
        "levers": (
            "Activation during the trial: reaching the first valuable action.",
            "Trial design: length, card up front, what is gated.",
            "Sales or CS touch on high-fit trials.",
            "Pricing-page clarity and the plan the trial lands on.",
        ),
        "actions": (
            "Count only trials that have ended; still-running trials are neither won nor lost.",
            "Compare the converted and non-converted trials on their first-week actions and "
            "name the action that separates them.",
            "Contact active, high-fit trials before the trial ends and help them reach that "
            "action.",
        ),
    },
    "health": {
        "title": "Customer health score",
        "aliases": ("health_score",),
        "benchmarks": (
            {
                **RECURLY_2019,
                "figure": "no published benchmark exists for a health score itself; the base "
                          "rate it must beat is your churn — for reference, median monthly "
                          "churn 5.15 % for B2B subscription sites",
                "caveats": "Every company weights different inputs, so scores cannot be "
                           "compared across companies. Judge a score by whether red accounts "
                           "churn clearly more than green ones later on (a backtest on months "
                           "the weights were not fitted on), against your own base rate.",
            },
        ),
        "levers": (
            "The inputs: usage, support load, survey answers, billing signals, engagement.",
            "The weights and thresholds, and whether they were checked on later months.",
            "Data freshness: a score built on last quarter's usage reacts late.",
        ),
        "actions": (
            "Check whether the accounts that moved to red did so because of one input (for "
            "example a tracking change) or several.",
            "Review the red accounts by MRR at risk with their owners and agree one action "
            "and date for each.",
            "Each quarter, compare churn by band over the following months and reweight if "
            "red no longer churns more than green.",
        ),
    },
    "ltv": {
        "title": "Customer lifetime value (LTV), LTV:CAC and CAC payback",
        "aliases": ("clv", "ltv_cac", "cac_payback"),
        "benchmarks": (
            {
                "publisher": "David Skok (Matrix Partners), For Entrepreneurs blog",
                "report": "SaaS Metrics 2.0 – A Guide to Measuring and Improving What Matters",
                "year": 2012,
                "url": None,
                "via": "https://echai.ventures/startingup/from/for-entrepreneurs",
                "kind": "rule of thumb",
                "figure": "LTV at least 3 × CAC, and CAC recovered in under 12 months",
                "caveats": "The common source of the LTV:CAC ≈ 3 rule; secondary pages date "
                           "the essay between 2008 and 2013 (we record 2012 as one of them "
                           "does). LTV here is margin-based (ARPA × gross margin ÷ churn); "
                           "revenue-based LTV inflates the ratio. A very high ratio can mean "
                           "under-investing in growth.",
            },
            {
                "publisher": "KeyBanc Capital Markets (KBCM Technology Group, formerly "
                             "Pacific Crest)",
                "report": "2019 Private SaaS Company Survey (10th annual)",
                "year": 2019,
                "url": None,
                "via": "https://vdocuments.net/2019-kbcm-saas-survey-enterprise-enterprise-"
                       "middle-market-middle-market-smb.html",
                "kind": "survey",
                "figure": "median blended CAC ratio $1.14 of fully loaded sales and marketing "
                          "spend per $1 of new ARR (2018 figures)",
                "caveats": "About 424 private SaaS companies (median ARR $8.7M, median ACV "
                           "about $28K, 65 % US); this chart excludes companies under $5M "
                           "ARR. $1.14 per $1 of ARR is about 14 months of the new revenue "
                           "before gross margin — our arithmetic, not the survey's payback "
                           "figure.",
            },
            {
                "publisher": "Benchmarkit",
                "report": "2025 SaaS Performance Metrics Report",
                "year": 2025,
                "url": None,
                "via": "https://reworkcontent.azurewebsites.net/vi/libraries/pipeline-"
                       "management/ltv-cac-ratio",
                "kind": "survey",
                "figure": "median CAC payback 18 months in 2024, up from 14 months the year "
                          "before",
                "caveats": "Read on a secondary page; the widely used target is 12–18 months "
                           "(under 12 strong). Payback = CAC ÷ (ARPA × gross margin), in "
                           "months.",
            },
        ),
        "levers": (
            "Churn: halving churn doubles a churn-based LTV.",
            "ARPA and expansion revenue per customer over its life.",
            "Gross margin (support, hosting and onboarding costs).",
            "CAC: sales and marketing cost per new customer.",
        ),
        "actions": (
            "Check which input moved: churn, ARPA or margin — and whether the churn window "
            "is long enough to trust.",
            "Compute LTV:CAC and CAC payback per segment or channel; a blended figure can "
            "hide one channel that never pays back.",
            "For the segment with the worst payback, review onboarding cost and early churn "
            "with sales and CS before more is spent acquiring it.",
        ),
    },
    "crc": {
        "title": "Customer retention cost (CRC)",
        "aliases": ("retention_cost",),
        "benchmarks": (
            {
                **PACIFIC_CREST_2016,
                "figure": "median cost to win $1 of annual contract value: $1.13 from a new "
                          "customer, $0.27 from an upsell, $0.20 from an expansion, $0.13 "
                          "from a renewal",
                "via": "http://brooke.land/saas-metrics-2016/",
                "caveats": "Self-reported; 'renewal CAC' is what the survey calls the cost of "
                           "renewing revenue. Compare like with like: a yearly running cost of "
                           "retention against the revenue it renews, or lifetime retention "
                           "cost against LTV — never a yearly cost against a one-off CAC.",
            },
            {
                "publisher": "Harvard Business Review (Amy Gallo)",
                "report": "The Value of Keeping the Right Customers",
                "year": 2014,
                "url": None,
                "via": "https://online.flipbuilder.com/wuay/uvpw/files/basic-html/page55.html",
                "kind": "compilation",
                "figure": "acquiring a customer is quoted as 5 to 25 times more expensive than "
                          "keeping one",
                "caveats": "The article itself says the figure depends on the study and the "
                           "industry; a wide range, not a benchmark for your ratio. The page "
                           "we read quotes the article without its date; HBR published it in "
                           "October 2014.",
            },
        ),
        "levers": (
            "CS headcount and accounts per CSM (coverage model).",
            "Tools, programmes and incentives spent on renewals.",
            "Share of customers that need human touch versus digital programmes.",
            "Revenue renewed: the same cost over more retained revenue is cheaper.",
        ),
        "actions": (
            "Express retention cost per dollar of revenue renewed (or per retained account) "
            "so that it can be compared over time.",
            "Compare it with the revenue that would be lost at the current churn rate — not "
            "with a one-off acquisition cost.",
            "Move the lowest-risk, lowest-ACV accounts to a digital programme and put the "
            "freed CSM time on at-risk, high-ACV accounts.",
        ),
    },
    "feedback": {
        "title": "Qualitative feedback (comments and themes)",
        "aliases": ("qualitative_feedback", "feedback_themes"),
        "benchmarks": (
            {
                "publisher": "Zendesk",
                "report": "Customer Experience Trends Report 2020 (as quoted on Zendesk's "
                          "first-reply-time article)",
                "year": 2020,
                "url": "https://www.zendesk.co.uk/blog/first-reply-time/",
                "kind": "survey",
                "figure": "asked what matters most when resolving an issue, 72.5 % of "
                          "customers chose a quick resolution and 58.9 % a quick response",
                "caveats": "Consumer survey answers, not coded comments; it tells you which "
                           "themes to expect near the top, not what share of your comments "
                           "should carry them. No cross-company benchmark exists for comment "
                           "themes: compare a theme's share with your own earlier months.",
            },
        ),
        "levers": (
            "Product defects and missing features.",
            "Price and value perception.",
            "Support speed and quality.",
            "Who writes a comment, in which language, and after which survey.",
        ),
        "actions": (
            "Count themes across all languages the customers write in before ranking them.",
            "Pick the theme that grew most among detractors and read twenty of its comments "
            "in full.",
            "Send the theme, its count and three anonymised quotes to the owning team and "
            "tell the customers who raised it what will happen.",
        ),
    },
    "fcr": {
        "title": "First contact resolution (FCR)",
        "aliases": ("first_contact_resolution",),
        "benchmarks": (
            {
                "publisher": "SQM Group",
                "report": "2022 FCR benchmark (press release, 16 May 2022)",
                "year": 2022,
                "url": "https://www.headlinesoftoday.com/topic/press-releases/sqms-2022-"
                       "benchmark-research-uncovers-what-a-good-fcr-rate-is.html",
                "kind": "survey",
                "figure": "good 70–79 %; world class 80 % or more; 69 % or less is low",
                "caveats": "More than 500 North American call centers, measured by post-call "
                           "customer surveys (the customer says whether the issue was "
                           "resolved). A ticket-based FCR (one agent reply, no reopen) is a "
                           "different definition and usually not comparable. SQM's blog 'Top 5 "
                           "Reasons to Improve First Contact Resolution' puts the average call "
                           "center at about 72 % resolved on the first call.",
            },
        ),
        "levers": (
            "Agent knowledge, authority and tools to solve without escalation.",
            "Ticket mix: more complex categories lower FCR.",
            "Self-service taking the easy questions (which lowers FCR of what is left).",
            "How a reopen and a follow-up are counted.",
        ),
        "actions": (
            "Break FCR down by category and channel; a change in mix can move it without any "
            "change in quality.",
            "Read a sample of the tickets that needed several replies and tag why (missing "
            "information, escalation, bug).",
            "Fix the top cause: a required field in the form, a macro, or authority for "
            "first-line agents on the common case.",
        ),
    },
    "ces": {
        "title": "Customer effort score (CES)",
        "aliases": ("customer_effort_score",),
        "benchmarks": (
            {
                "publisher": "CEB (Corporate Executive Board, now part of Gartner); Dixon, "
                             "Freeman and Toman in Harvard Business Review",
                "report": "Stop Trying to Delight Your Customers (HBR, July–August 2010)",
                "year": 2010,
                "url": "https://www.cebglobal.com/exbd/sales-service/customer-effort/"
                       "index.page",
                "kind": "survey",
                "figure": "in a study of more than 75,000 customers, effort predicted loyalty "
                          "better than CSAT or NPS in service interactions",
                "caveats": "The source of CES, not a benchmark level: there is no published "
                           "'good CES' that holds across scales. The 2010 question was a 1–5 "
                           "effort scale; later versions use 7-point agreement ('made it "
                           "easy'). Compare only within one scale and one touchpoint "
                           "(onboarding and support differ).",
            },
            {
                "publisher": "Gartner (Smarter With Gartner)",
                "report": "What's Your Customer Effort Score? (5 November 2019)",
                "year": 2019,
                "url": "https://www.gartner.com/smarterwithgartner/unveiling-the-new-and-"
                       "improved-customer-effort-score",
                "kind": "survey",
                "figure": "96 % of customers with a high-effort service interaction became more "
                          "disloyal, against 9 % after a low-effort one",
                "caveats": "Gartner's customer-service research (CEB is now part of "
                           "Gartner); high effort here means channel switching, repeating "
                           "information, transfers and repeat contacts. A link to loyalty, not "
                           "a target score.",
            },
        ),
        "levers": (
            "Repeat contacts and channel switching.",
            "Transfers and having to repeat information.",
            "Self-service that actually resolves.",
            "Anticipating the next issue in the same contact.",
        ),
        "actions": (
            "Separate CES by touchpoint (onboarding, support, billing) before comparing "
            "periods.",
            "Look at the high-effort answers for transfers, reopens and channel switches in "
            "their tickets.",
            "Remove one step from the highest-effort path (a form field, a handoff, a "
            "verification) and measure the touchpoint again.",
        ),
    },
    "usage": {
        "title": "Product usage and feature adoption",
        "aliases": ("product_usage", "feature_adoption"),
        "benchmarks": (
            {
                "publisher": "Pendo",
                "report": "2019 Feature Adoption Report",
                "year": 2019,
                "url": "https://pendo.io/pendo-blog/five-ways-to-increase-feature-adoption-"
                       "rates",
                "kind": "measured",
                "figure": "about 80 % of features in the average product are rarely or never "
                          "used; about 80 % of clicks come from roughly 12 % of features",
                "caveats": "Usage data of 615 Pendo subscriptions (customers of at least a "
                           "year). Low adoption of a feature is normal; what matters is "
                           "adoption of the few features tied to your product's value.",
            },
            {
                **AMPLITUDE_2025,
                "figure": "for the median product, 98 % of new users are inactive within two "
                          "weeks; a day-7 return rate of 7 % already places a product in the "
                          "top quarter for activation",
                "caveats": "Users of all kinds of digital products (consumer-heavy), not seats "
                           "of a paid B2B tool, where far higher activity is expected. Shows "
                           "that early activation predicts three-month retention.",
            },
        ),
        "levers": (
            "Onboarding toward the core features.",
            "In-product guidance and discoverability.",
            "Seats actually assigned and invited users.",
            "Integrations that bring the product into daily work.",
        ),
        "actions": (
            "Define the two or three core actions that mean value, and measure breadth "
            "(accounts using them) before depth.",
            "List paying accounts with falling or no use of the core actions, largest MRR "
            "first.",
            "Offer each a short session on the core workflow with their admin, and check "
            "usage again after a month.",
        ),
    },
    "session_duration": {
        "title": "Average session duration",
        "aliases": (),
        "benchmarks": (
            {
                "publisher": "Contentsquare",
                "report": "Digital Experience Benchmarks 2024 (as tabulated by "
                          "ConversionBench)",
                "year": 2024,
                "url": None,
                "via": "https://conversionbench.com/metric/session-duration",
                "kind": "measured",
                "figure": "median website session about 127 s for e-commerce and 185 s for "
                          "media sites",
                "caveats": "Websites (16.7 billion sessions, 500+ brands), not sessions "
                           "inside a SaaS product; the compiler's SaaS row is derived, not "
                           "Contentsquare's. Session length depends on the product's job and "
                           "on the inactivity timeout: longer is not better by itself.",
            },
        ),
        "levers": (
            "The job the product does: quick checks vs long working sessions.",
            "Friction: slow pages and confusing flows lengthen or cut sessions.",
            "Session definition (inactivity timeout, background tabs).",
            "Who is active: new users explore longer than regular ones.",
        ),
        "actions": (
            "Use the median and the distribution, per segment, and check the session "
            "definition before reading a change.",
            "Pair duration with task completion: longer sessions with fewer completed tasks "
            "mean friction.",
            "Watch a few recordings or walk a customer through the longest or shortest "
            "flows to see where time goes.",
        ),
    },
    "stickiness": {
        "title": "DAU/MAU stickiness",
        "aliases": ("dau_mau", "active_users"),
        "benchmarks": (
            {
                "publisher": "Mixpanel",
                "report": "Product Benchmarks Report (as quoted by secondary sources)",
                "year": 2023,
                "url": None,
                "via": "https://www.getmonetizely.com/articles/how-to-track-user-engagement-"
                       "and-stickiness-a-comprehensive-guide-for-saas-leaders",
                "kind": "rule of thumb",
                "figure": "SaaS average about 13 %; best-in-class above about 25 %",
                "caveats": "Commonly quoted and attributed to Mixpanel's benchmarks; we could "
                           "not read the report. Calendar-day DAU/MAU caps a weekday-only "
                           "work tool at about 5/7 of days; the definition of 'active' (any "
                           "event vs a key action) and calendar month vs trailing 28 days "
                           "change the figure.",
            },
            {
                "publisher": "Sequoia Capital (as quoted by Geckoboard)",
                "report": "DAU/MAU guidance",
                "year": 2026,
                "url": None,
                "via": "https://usertourkit.com/blog/what-is-product-stickiness",
                "kind": "rule of thumb",
                "figure": "10–20 % is the usual range; only a handful of products exceed 50 %",
                "caveats": "A rule of thumb for consumer and SaaS products alike, read on a "
                           "2026 page quoting Geckoboard quoting Sequoia; recorded with the "
                           "year we read it.",
            },
        ),
        "levers": (
            "How often the product's job recurs (daily vs weekly work).",
            "Notifications and integrations that bring users back.",
            "Which users count in MAU (invited but idle seats lower it).",
            "Seasonality and month length.",
        ),
        "actions": (
            "Use a trailing 28-day window (or DAU/WAU for weekly tools) so that month length "
            "and weekends do not move the number.",
            "Split by account and role: find accounts where only the admin is active.",
            "With those accounts, agree the daily or weekly routine the product supports and "
            "set up the integration or notification that anchors it.",
        ),
    },
    "quick_ratio": {
        "title": "SaaS quick ratio",
        "aliases": (),
        "benchmarks": (
            {
                "publisher": "Mamoon Hamid (Social Capital)",
                "report": "SaaS quick ratio, presented at SaaStr Annual (February 2015)",
                "year": 2015,
                "url": None,
                "via": "https://www.insightsquared.com/blog/benchmarking-quick-ratio-"
                       "benchmarks-2016/",
                "kind": "rule of thumb",
                "figure": "about 4 or more for a fast-growing early-stage company "
                          "(4 dollars gained per dollar lost)",
                "caveats": "An investor's threshold for early-stage, high-growth companies; "
                           "mature companies with a large base usually sit lower. Vendors "
                           "differ on whether reactivation counts as a gain.",
            },
        ),
        "levers": (
            "New and expansion MRR (the gains).",
            "Churned and contracted MRR (the losses).",
            "Reactivation, depending on the convention.",
            "Small denominators: a month with little churn makes the ratio jump.",
        ),
        "actions": (
            "Look at the four flows behind the ratio, not the ratio alone; quarterly sums are "
            "steadier than single months.",
            "If losses rose, run the churn and contraction review (largest accounts first).",
            "If gains fell, check with sales whether new business or expansion slowed and "
            "which segment.",
        ),
    },
    "cohort_retention": {
        "title": "Cohort retention",
        "aliases": ("cohorts",),
        "benchmarks": (
            {
                **SAAS_CAPITAL_2023,
                "figure": "median gross revenue retention about 90–93 % after twelve months "
                          "(revenue of a year-old customer base, without expansion)",
                "caveats": "Revenue-based and annual; a logo-retention curve by signup month "
                           "is lower in its first months and flattens later. Young cohorts "
                           "of small customers lose most in the first quarter.",
            },
            {
                **PACIFIC_CREST_2016,
                "figure": "median annual customer churn about 10 %, i.e. about 90 % of "
                          "customers still there after a year",
                "via": "https://www.insivia.com/quoter/the-median-annual-unit-churn-for-saas-"
                       "companies-was-10-in-2016/",
                "caveats": "Across all customer ages, not a first-year cohort; first-year "
                           "retention is usually below the all-ages figure.",
            },
            {
                **AMPLITUDE_2025,
                "figure": "user cohorts of digital products: month-one retention about 6.5 % "
                          "for the median product and 26 % for the top 10 %",
                "caveats": "Users (not paying accounts) of 10,600+ digital products at 2,600+ "
                           "companies, many of them consumer apps; event-based 'came back' "
                           "retention. Use it for product-usage cohorts, not for revenue or "
                           "logo cohorts of a B2B subscription.",
            },
        ),
        "levers": (
            "Onboarding of each cohort (where the curve drops early).",
            "Acquisition channel and segment of the cohort.",
            "Pricing or packaging changes at the cohort's start.",
            "Product changes that lift the flat tail of the curve.",
        ),
        "actions": (
            "Compare the new cohort's first three months with earlier cohorts at the same "
            "age, not with calendar months.",
            "If a cohort drops early, check its channel, plan and onboarding completion.",
            "Give the onboarding owner the list of the cohort's accounts that are still "
            "inactive after their first month.",
        ),
    },
    "upsell": {
        "title": "Upsell and cross-sell rate",
        "aliases": ("upsell_rate", "cross_sell", "expansion"),
        "benchmarks": (
            {
                **PACIFIC_CREST_2016,
                "figure": "about 15–16 % of new annual contract value came from upsells and "
                          "expansions at the median company; winning $1 of upsell cost $0.27 "
                          "against $1.13 from a new customer",
                "via": "http://brooke.land/saas-metrics-2016/",
                "caveats": "Revenue shares and costs, not the share of accounts upsold; "
                           "self-reported. Larger companies reported a bigger upsell share.",
            },
        ),
        "levers": (
            "Usage reaching plan limits (seats, volume).",
            "Packaging: add-ons and a clear path to the next tier.",
            "CSM involvement in account planning.",
            "Account health: unhealthy accounts rarely expand.",
        ),
        "actions": (
            "List accounts near their plan limits or using a feature of the next tier.",
            "Check their health first: do not propose an upgrade to an account with open "
            "escalations.",
            "Agree with sales who makes the offer and when, and record the outcome so that "
            "upsell and churn-after-upsell can be followed.",
        ),
    },
    "repeat_rate": {
        "title": "Repeat (continuation) rate",
        "aliases": ("continuation_rate",),
        "benchmarks": (
            {
                "publisher": "Rivo",
                "report": "Repeat Purchase Rate: Complete Guide & Shopify Benchmarks "
                          "(6 January 2026)",
                "year": 2026,
                "url": "https://www.rivo.io/blog/repeat-purchase-rate-complete-guide",
                "kind": "compilation",
                "figure": "average e-commerce repeat purchase rate about 28 %, from about 10 % "
                          "(luxury) to about 65 % (grocery)",
                "caveats": "A loyalty-software vendor's compilation for online stores; "
                           "purchase-based. In subscription software the 'continuation rate' "
                           "(継続率 in Japanese SaaS usage) normally means 1 − churn; use the "
                           "churn benchmarks for that reading.",
            },
        ),
        "levers": (
            "Purchase cycle of the product (consumables repeat more).",
            "First experience and delivery of value after the first purchase.",
            "Reminders, loyalty programmes and renewals.",
            "Which window is used (90 days vs ever).",
        ),
        "actions": (
            "Fix the window and the definition (repeat purchase vs subscription "
            "continuation) and say which one is reported.",
            "Compare first-time buyers who came back with those who did not on their first "
            "order and first contacts.",
            "Reach new customers before their expected second purchase or first renewal "
            "with a useful, specific prompt.",
        ),
    },
    "ticket_volume": {
        "title": "Monthly ticket volume",
        "aliases": ("tickets",),
        "benchmarks": (
            {
                "publisher": "Zendesk",
                "report": "The Zendesk Benchmark, Q1 2015: In Focus: Live Chat",
                "year": 2015,
                "url": None,
                "via": "https://abcdocz.com/doc/1732031/the-zendesk-benchmark",
                "kind": "measured",
                "figure": "a typical company served 62 chat conversations a month; companies "
                          "that added live chat saw fewer tickets in other web channels",
                "caveats": "Raw volume is not comparable across companies of different sizes; "
                           "normalise per 100 active accounts or per 1,000 users and compare "
                           "with your own history. Zendesk's in-product benchmark shows peer "
                           "new-ticket volume (median over accounts, 28-day window).",
            },
        ),
        "levers": (
            "Customer base size and new customers (onboarding generates tickets).",
            "Releases, incidents and bugs.",
            "Self-service and documentation quality.",
            "Channel changes (adding chat shifts volume between channels).",
        ),
        "actions": (
            "Normalise by active accounts and split by category to see whether the change is "
            "growth or a problem.",
            "For the category that grew most, check for a release, incident or policy change "
            "in the same weeks.",
            "Write or fix the help article or in-product message for the top repeated "
            "question, and flag accounts with unusual volume to their CSM.",
        ),
    },
    "response_time": {
        "title": "First response time",
        "aliases": ("first_response_time", "first_reply_time"),
        "benchmarks": (
            {
                "publisher": "Zendesk",
                "report": "First reply time: 6 tips to deliver faster customer service "
                          "(updated 19 June 2023; sources CX Trends Report 2020 and "
                          "Multichannel Customer Care Report 2017)",
                "year": 2023,
                "url": "https://www.zendesk.co.uk/blog/first-reply-time/",
                "kind": "compilation",
                "figure": "email: 12 h or less good, 4 h better, 1 h best; social media: 2 h, "
                          "1 h, 15 min; live chat: 1 h, 5 min, 1 min",
                "caveats": "Zendesk's guidance from reviewing benchmark data; counts calendar "
                           "time to the first public human reply (automatic replies excluded). "
                           "Business-hours and calendar-hours figures differ a lot; report "
                           "medians per channel.",
            },
            {
                "publisher": "Zendesk",
                "report": "The Zendesk Benchmark, Q1 2015: In Focus: Live Chat",
                "year": 2015,
                "url": None,
                "via": "https://abcdocz.com/doc/1732031/the-zendesk-benchmark",
                "kind": "measured",
                "figure": "typical first response in live chat 1 min 36 s",
                "caveats": "Chat only, Zendesk customers who opted in, 2015.",
            },
            {
                "publisher": "Freshworks",
                "report": "CX Trends Report 2022: looking back at a year's worth of data "
                          "(from the Freshdesk Customer Service Benchmark Report)",
                "year": 2022,
                "url": "https://www.freshworks.com/saas/cx-trends-report-2022-looking-back-at-"
                       "a-years-worth-of-data-blog/",
                "kind": "measured",
                "figure": "over 93 % of service managers believe quick responses define a "
                          "great experience, yet in Freshdesk's data faster first responses "
                          "did not go with higher CSAT",
                "caveats": "Freshdesk customers' ticket data plus a manager survey. A "
                           "reminder that speed is a hygiene factor: resolution matters more "
                           "than the first reply once replies are reasonably fast.",
            },
        ),
        "levers": (
            "Staffing against the hourly and weekly pattern of arrivals.",
            "Routing and triage rules; queues without an owner.",
            "Ticket volume spikes (incidents, launches).",
            "Business hours vs calendar hours in the measure.",
        ),
        "actions": (
            "Use the median and the 90th percentile per channel, in business hours, and note "
            "tickets still waiting at the period's end.",
            "Find the hours and days where waits pile up and compare with the staffing "
            "schedule.",
            "Shift coverage or add a triage rule for those hours, and send an honest "
            "expected-wait message meanwhile.",
        ),
    },
}

#: Notebook (file name without ``.ipynb``) → KPI key of its "Read it, act on it" section.
NOTEBOOKS: dict[str, str] = {
    "02_churn_rate": "churn",
    "01_mrr": "mrr",
    "03_arpu": "arpa",
    "04_net_dollar_retention": "nrr",
    "05_nps": "nps",
    "06_csat": "csat",
    "07_conversion_rate": "conversion",
    "08_customer_health_score": "health",
    "09_clv": "ltv",
    "10_retention_cost": "crc",
    "11_qualitative_feedback": "feedback",
    "12_first_contact_resolution": "fcr",
    "13_customer_effort_score": "ces",
    "14_product_usage": "usage",
    "15_session_duration": "session_duration",
    "16_dau_mau": "stickiness",
    "17_quick_ratio": "quick_ratio",
    "18_cohort_retention": "cohort_retention",
    "19_upsell_cross_sell": "upsell",
    "20_repeat_rate": "repeat_rate",
    "21_ticket_volume": "ticket_volume",
    "22_response_time": "response_time",
}
