"""Texts of the exercises of notebooks 01, 02, 03, 04, 07, 10, 14, 15, 17, 18 and 19.

Keys ``training.<id>.q`` (question), ``.h`` (hint, shown only after a wrong answer), ``.e``
(explanation, shown after a right one) and ``.trap.<name>`` (why an answer of another
convention is not the one asked for); the exercises are in ``cskit/training/_nbNN.py``.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "training.02-1.q": (
            "In the small example, what is February's churn rate over the customers at the "
            "start? (Careful with e.)"
        ),
        "training.02-1.h": (
            "February's start is everyone paying in January. Who of them no longer pays at the "
            "end of February?"
        ),
        "training.02-1.e": (
            "Start {a, b, d, e} = 4; b and e are gone: 2 ÷ 4 = 0.5. Over one month e is simply a "
            "start customer."
        ),
        "training.02-1.trap.average": (
            "that divides by the average of start and end customers, not by the customers at the "
            "start."
        ),
        "training.02-1.trap.start_plus_new": (
            "that adds f, who joined in February, to the denominator: start plus new, not start."
        ),
        "training.02-2.q": (
            "On this data, the churn rate of the last whole quarter ending on or before the "
            "report month, counting customers who joined and left inside it, over the "
            "denominator where those customers belong. Four decimals."
        ),
        "training.02-2.h": (
            "Customers who join and leave inside the quarter are not in the start base: the "
            "denominator must include the customers who joined (join_and_churn=\"count\")."
        ),
        "training.02-2.e": (
            "With join-and-churn counted, numerator and denominator describe the same group only "
            "when the denominator is start + new."
        ),
        "training.02-2.trap.start_count": (
            "that counts the customers who joined and left but divides by the start base, which "
            "never had them: numerator and denominator describe different groups."
        ),
        "training.02-3.q": (
            "A company grows every month. Which denominator gives the highest churn rate: "
            "\"start\", \"average\" or \"start_plus_new\"?"
        ),
        "training.02-3.h": (
            "The numerator is the same for all three. Which denominator is the smallest when the "
            "base grows?"
        ),
        "training.02-3.e": (
            "With growth, start < average < start + new, and the same churned count over the "
            "smallest base gives the highest rate."
        ),
        "training.02-4.q": (
            "Monthly churn is a steady 2 %. What share of the customers is lost in a year? (A "
            "fraction.)"
        ),
        "training.02-4.h": (
            "Each month loses 2 % of what is left, not of the starting base: what share survives "
            "twelve months?"
        ),
        "training.02-4.e": (
            "1 − 0.98¹² ≈ 0.215: churn compounds, so twelve times the monthly rate overstates "
            "the loss."
        ),
        "training.02-4.trap.times12": (
            "that is 12 × 2 %: it forgets that each month loses 2 % of a smaller base."
        ),
        "training.01-1.q": (
            "100 customers pay 100 a month; 50 customers pay 600 a year. What is the MRR?"
        ),
        "training.01-1.h": "MRR is monthly: divide each price by the number of months it covers.",
        "training.01-1.e": "100 × 100 + 50 × 600 ÷ 12 = 10,000 + 2,500 = 12,500.",
        "training.01-1.trap.not_divided": (
            "that counts the annual price as if it were paid every month; divide it by 12."
        ),
        "training.01-2.q": (
            "Start MRR 10,000; new 500, expansion 300, contraction 200, churn 400, reactivation "
            "100. What is the end MRR?"
        ),
        "training.01-2.h": (
            "End = start + every movement that adds MRR − every movement that removes it. Five "
            "movements."
        ),
        "training.01-2.e": (
            "10,000 + 500 + 300 + 100 − 200 − 400 = 10,300: the movements add up to the change "
            "in MRR."
        ),
        "training.01-2.trap.no_reactivation": (
            "that leaves out the reactivation: a returning customer adds MRR too."
        ),
        "training.01-3.q": (
            "An annual plan at a list price of 1,200 a year with a 25 % discount starts on "
            "2026-01-10 and is cancelled on 2026-04-05. With recognise_churn=\"period_end\", how "
            "much MRR does it add in 2026-10?"
        ),
        "training.01-3.h": (
            "With period_end the line counts until the paid year ends. What does the customer "
            "really pay per month?"
        ),
        "training.01-3.e": (
            "The paid year runs to 2027-01-10, so it still counts in October: 1,200 × 0.75 ÷ 12 "
            "= 75."
        ),
        "training.01-3.trap.cancel_date": (
            "that is the default (recognise_churn=\"cancel_date\"), where the line stops at the "
            "cancellation."
        ),
        "training.01-3.trap.list_price": (
            "that is the list price; MRR is what the customer pays after the discount."
        ),
        "training.01-4.q": (
            "New MRR per new customer fell from one half-year to the next, yet the company "
            "raised its list prices in between. Which reading fits? a) the price rise lost "
            "customers; b) the customers who signed were smaller (fewer seats, cheaper plans); "
            "c) the price rise never happened."
        ),
        "training.01-4.h": (
            "New MRR per customer = price per seat × seats × plan mix. Which of these can fall "
            "while the price rises?"
        ),
        "training.01-4.e": (
            "b: a total per customer mixes price and customer mix; compare per seat and per plan "
            "to see the price."
        ),
        "training.03-1.q": (
            "Continue the small example: in March every February account stays and one more "
            "joins, paying 700 (8 accounts, revenue 2,800). What is March's ARPA with "
            "average=\"start_end\"?"
        ),
        "training.03-1.h": (
            "start_end divides by the average of the accounts at the start (February) and at the "
            "end of March."
        ),
        "training.03-1.e": "2,800 ÷ ((7 + 8) ÷ 2) = 2,800 ÷ 7.5 ≈ 373.33.",
        "training.03-1.trap.actives": (
            "that divides by March's 8 paying accounts (average=\"actives\"), not by the start/end "
            "average."
        ),
        "training.03-2.q": (
            "In the report month, what does the segment with the highest ARPA earn per user "
            "(ARPU)? Two decimals."
        ),
        "training.03-2.h": "ARPU divides the same revenue by seats (users), not by accounts.",
        "training.03-2.e": (
            "Right: the segment that pays most per account can pay little per seat, which is "
            "what a per-seat price tells."
        ),
        "training.03-2.trap.arpa": (
            "that is the revenue per account (ARPA); the question asks per user."
        ),
        "training.03-3.q": (
            "A company adds accounts every month and loses none. Which average gives the higher "
            "monthly ARPA: \"actives\" or \"start_end\"?"
        ),
        "training.03-3.h": "Same revenue; which denominator is smaller when the base grows?",
        "training.03-3.e": (
            "start_end: with growth, (start + end) ÷ 2 is below the month's paying accounts."
        ),
        "training.04-1.q": (
            "Three customers pay 100, 60 and 40 at the start of a year. A year later the first "
            "pays 100, the second 10 and the third has left; two new customers pay 500 each. "
            "What is the twelve-month NRR?"
        ),
        "training.04-1.h": (
            "NRR follows only the customers paying at the start. Which MRR do they pay at the "
            "end?"
        ),
        "training.04-1.e": (
            "(200 − 50 − 40) ÷ 200 = 0.55; the new customers' 1,000 is not retention."
        ),
        "training.04-1.trap.with_new": (
            "that includes the two new customers; NRR follows the customers paying at the start "
            "only."
        ),
        "training.04-2.q": (
            "Same three customers, but this time the first grows from 100 to 150. What is the "
            "twelve-month GRR?"
        ),
        "training.04-2.h": (
            "GRR counts only what is lost (contraction, churn); expansion never enters it."
        ),
        "training.04-2.e": (
            "(200 − 50 − 40) ÷ 200 = 0.55, unchanged: GRR ignores the expansion. NRR rises to "
            "0.80."
        ),
        "training.04-2.trap.nrr": "that is the NRR: GRR leaves expansion out.",
        "training.04-3.q": (
            "A segment shows NRR above 100 % and GRR of 80 %. Which is true? a) the customers "
            "who stay grew by more than the others shrank or left; b) the segment lost no "
            "customers; c) new customers made up for those who left."
        ),
        "training.04-3.h": (
            "GRR below 100 % means revenue was lost; new customers are in neither number."
        ),
        "training.04-3.e": "a: NRR − GRR is the expansion; here it more than covers a 20 % loss.",
        "training.04-4.q": (
            "Using the headline NRR and GRR of the report month (12 months, returns excluded; "
            "monthly when the data is younger): what share of the start MRR did expansion add? "
            "(A fraction.)"
        ),
        "training.04-4.h": (
            "NRR = (start + expansion − contraction − churn) ÷ start; GRR is the same without "
            "expansion."
        ),
        "training.04-4.e": (
            "NRR − GRR = expansion ÷ start MRR: how much the customers who stayed grew."
        ),
        "training.04-4.trap.nrr": (
            "that is the NRR itself, not the part of it that comes from expansion."
        ),
        "training.04-4.trap.grr": (
            "that is the GRR; the question asks for the gap between NRR and GRR."
        ),
        "training.07-1.q": (
            "1,000 visitors, 100 of them become leads, 30 of the leads buy. What is the "
            "conversion rate of leads?"
        ),
        "training.07-1.h": "The denominator is the stage you convert from: here the leads.",
        "training.07-1.e": (
            "30 ÷ 100 = 0.3; over visitors it would be 0.03. State the denominator."
        ),
        "training.07-1.trap.visitors": (
            "that divides by the visitors; the question asks for the conversion of leads."
        ),
        "training.07-2.q": (
            "200 trials started in a month. By today 120 of them have ended and 48 of those "
            "converted; the other 80 are still running. What is the trial-to-paid conversion "
            "rate so far?"
        ),
        "training.07-2.h": (
            "A trial that is still running has not failed yet: which trials can you judge?"
        ),
        "training.07-2.e": (
            "48 ÷ 120 = 0.4: only ended trials are in the denominator; the 80 running ones are "
            "judged when they end."
        ),
        "training.07-2.trap.running_as_failed": "that counts the 80 running trials as failures.",
        "training.07-3.q": (
            "1,000 trials: 400 never log in; of the 600 who do, 300 pay. Onboarding work gets "
            "100 more trials to log in, and they pay like the others who log in. What is the new "
            "trial-to-paid rate?"
        ),
        "training.07-3.h": (
            "Half of those who log in pay. How many payers does that add, and over which "
            "denominator?"
        ),
        "training.07-3.e": (
            "50 more payers: 350 ÷ 1,000 = 0.35. The first step of the funnel is where "
            "onboarding moves conversion."
        ),
        "training.07-3.trap.step": (
            "that is the rate over the 700 who logged in (a step rate), not over all trials."
        ),
        "training.07-3.trap.unchanged": "that is the rate before the onboarding work.",
        "training.10-1.q": (
            "A CS team costs 12,000 a month and looks after 40 customers, all of whom stay. What "
            "is the monthly CRC?"
        ),
        "training.10-1.h": "CRC = retention spend ÷ customers in the same period.",
        "training.10-1.e": (
            "12,000 ÷ 40 = 300 a customer a month (either denominator: everyone is retained)."
        ),
        "training.10-2.q": (
            "CAC is 1,200; a new customer pays 150 a month at an 80 % gross margin. How many "
            "months does it take to pay back the CAC?"
        ),
        "training.10-2.h": "Payback = CAC ÷ the gross profit the customer brings each month.",
        "training.10-2.e": "1,200 ÷ (150 × 0.8) = 10 months.",
        "training.10-2.trap.revenue": (
            "that divides by revenue; the cost of serving the customer comes first (× gross "
            "margin)."
        ),
        "training.10-3.q": (
            "A segment's retention cost is 1,500 per customer a year and its CAC 1,000; per "
            "quarter the retention cost is 375. The article's rule calls the segment a bad "
            "business by year, a good one by quarter. What does the flip show? a) the rule "
            "compares a running cost with a one-off cost, so its verdict depends on the period; "
            "b) the segment improved between the two measures; c) quarters are more precise."
        ),
        "training.10-3.h": "Which of the two numbers changes when the period gets shorter?",
        "training.10-3.e": (
            "a: CRC scales with the period, CAC does not. Compare lifetime retention cost with "
            "LTV, or use CAC payback."
        ),
        "training.10-4.q": (
            "A segment's accounts pay 90 a month at an 80 % margin; serving one costs 40 a "
            "month. Is its lifetime retention cost above its LTV? Answer \"yes\" or \"no\"."
        ),
        "training.10-4.h": (
            "Both the lifetime cost and LTV are a monthly amount ÷ the same churn rate."
        ),
        "training.10-4.e": "no: compare 40 with 90 × 0.8 = 72 a month; the churn cancels out.",
        "training.10-5.q": (
            "For the whole company (no segments), what is the CAC payback in months of the last "
            "whole year up to the report month (a quarter when the data has no whole year), at "
            "the 80 % gross margin this notebook assumes? One decimal."
        ),
        "training.10-5.h": (
            "cac_payback on unit_economics for the whole company: CAC ÷ (ARPA × margin)."
        ),
        "training.10-5.e": (
            "Right: the payback is a duration, the same whatever length of period you measured "
            "CAC and ARPA over."
        ),
        "training.10-5.trap.revenue": (
            "that is the payback on revenue; apply the 80 % gross margin."
        ),
        "training.14-1.q": (
            "In the small example, user 3 of account b also creates a report on 5 October. What "
            "is b's depth now, times its breadth?"
        ),
        "training.14-1.h": (
            "Depth: key features used ÷ key features. Breadth: active users ÷ seats."
        ),
        "training.14-1.e": "Depth 1 ÷ 2 = 0.5, breadth 1 ÷ 1 = 1: the product is 0.5.",
        "training.14-1.trap.breadth_only": "that is the breadth alone; depth changed too.",
        "training.14-2.q": (
            "In a 30-day month, user A logs in every day for one minute; user B logs in once, "
            "for eight hours. What is A's time in the product as a fraction of B's?"
        ),
        "training.14-2.h": "Add up the minutes of each user over the month.",
        "training.14-2.e": (
            "30 minutes against 480: 0.0625. A is far more frequent, B spends far more time: "
            "frequency and time are different measures."
        ),
        "training.14-2.trap.same_time": "they do not spend similar time: 30 minutes against 480.",
        "training.14-3.q": (
            "What share of the accounts paying in the report month had no event at all in that "
            "month? (A fraction; usage() does not list them.)"
        ),
        "training.14-3.h": (
            "Compare the paying accounts (MRR > 0 in the report month) with the accounts usage() "
            "lists for that month."
        ),
        "training.14-3.e": (
            "Right: paying accounts with no activity have frequency 0, and they are the first "
            "ones a CSM should call."
        ),
        "training.15-1.q": (
            "Add to the small example a second user with one event at 09:00 that kept its screen "
            "open for 300 seconds. What is the average session duration now (span)?"
        ),
        "training.15-1.h": (
            "A one-event session has a span of 0 unless its screen time is known; count every "
            "session."
        ),
        "training.15-1.e": "(2,500 + 50 + 300) ÷ 3 = 950 seconds.",
        "training.15-1.trap.two_sessions": (
            "that leaves the new session out: it is a third session."
        ),
        "training.15-2.q": (
            "Five sessions last 2, 3, 4, 5 and 86 minutes. What is the typical (median) session "
            "length, in minutes?"
        ),
        "training.15-2.h": "Sort them and take the middle one.",
        "training.15-2.e": "4 minutes; the mean, 20, is pulled up by one long session.",
        "training.15-2.trap.mean": "that is the mean, pulled up by one long session.",
        "training.15-3.q": (
            "A user's events are at 09:00, 09:20, 10:00 and 10:10. With a 30-minute inactivity "
            "timeout, how many sessions is that?"
        ),
        "training.15-3.h": (
            "A new session starts after a gap longer than the timeout. List the gaps."
        ),
        "training.15-3.e": "Gaps 20, 40, 10 minutes: one gap is over 30, so 2 sessions.",
        "training.15-3.trap.timeout_15": (
            "that is with a 15-minute timeout; the timeout moves the count."
        ),
        "training.17-1.q": (
            "In a month a company adds 40 of new MRR and 10 of expansion, loses 5 to downgrades "
            "and 15 to cancellations. What is its quick ratio?"
        ),
        "training.17-1.h": "Quick ratio = MRR gained ÷ MRR lost.",
        "training.17-1.e": "(40 + 10) ÷ (5 + 15) = 2.5.",
        "training.17-1.trap.net_over_lost": (
            "that is net growth ÷ lost; the quick ratio divides what is gained by what is lost."
        ),
        "training.17-2.q": (
            "Two companies each grow MRR by 10,000 a month. A gains 12,000 and loses 2,000; B "
            "gains 30,000 and loses 20,000. What is B's quick ratio?"
        ),
        "training.17-2.h": "Same growth, very different losses: divide B's gains by B's losses.",
        "training.17-2.e": (
            "30,000 ÷ 20,000 = 1.5 against A's 6: the same growth, but B's is bought with heavy "
            "losses."
        ),
        "training.17-2.trap.company_a": "that is company A's ratio.",
        "training.17-3.q": (
            "A company loses 2 % of its MRR every month (contraction + churn) and wants MRR to "
            "grow 6 % a month. What quick ratio does that take?"
        ),
        "training.17-3.h": "Gained − lost = 6 %, lost = 2 %: how much must be gained?",
        "training.17-3.e": "Gained = 8 %: 8 ÷ 2 = 4.",
        "training.17-3.trap.net_over_lost": (
            "that divides the growth by the losses; the gains are growth + losses."
        ),
        "training.17-4.q": (
            "What is this data's quick ratio, without reactivation, for the last whole year up "
            "to the report month (a quarter when the data has no whole year)? Two decimals."
        ),
        "training.17-4.h": (
            "quick_ratio(period=..., include_reactivation=False), the last whole period ending "
            "on or before the report month."
        ),
        "training.17-4.e": (
            "Right: leaving reactivation out shows how much growth comes from new and existing "
            "customers alone."
        ),
        "training.18-1.q": (
            "In the small example, what is the February cohort's revenue retention at age 1? "
            "Careful: it is not the logo rate."
        ),
        "training.18-1.h": "The cohort's MRR at age 1 ÷ its MRR at age 0.",
        "training.18-1.e": (
            "February starts with 5 + 15 = 20; at age 1 only d pays 5: 5 ÷ 20 = 0.25."
        ),
        "training.18-1.trap.logo": (
            "that is the logo rate (1 of 2 customers); revenue weighs them by what they pay."
        ),
        "training.18-2.q": (
            "What share of the customers who started three months before the report month still "
            "pay in the report month (3-month logo retention of that monthly cohort)?"
        ),
        "training.18-2.h": (
            "The cohort's customers paying at age 3 ÷ its customers at age 0, counting "
            "customers, not MRR."
        ),
        "training.18-2.e": "Right: one cell of the logo table, row report month − 3, column 3.",
        "training.18-2.trap.revenue": (
            "that is the revenue retention of the cohort; the question counts customers."
        ),
        "training.18-3.q": (
            "A cohort's revenue retention at age 12 is 105 % while its logo retention is 70 %. "
            "Which is true? a) the customers who stayed grew by more than the leavers took with "
            "them; b) the cohort gained new customers; c) one of the two numbers must be wrong."
        ),
        "training.18-3.h": "A cohort never gains members: who can raise its MRR?",
        "training.18-3.e": (
            "a: a cohort is fixed at its start; revenue above 100 % can only come from the "
            "survivors' expansion."
        ),
        "training.19-1.q": (
            "In a month 400 accounts pay (380 of them already paid last month). 12 existing "
            "accounts move to a higher plan, and 5 new accounts start directly on the top plan. "
            "What is the upsell rate over paying accounts?"
        ),
        "training.19-1.h": (
            "An upsell is an existing account moving up; the denominator is the month's paying "
            "accounts."
        ),
        "training.19-1.e": (
            "12 ÷ 400 = 0.03; new accounts on a top plan are new business, not upsells."
        ),
        "training.19-1.trap.with_new": (
            "that counts the 5 new accounts as upsells; they are new business."
        ),
        "training.19-1.trap.start": (
            "that divides by the 380 accounts at the start; the question asks over paying "
            "accounts."
        ),
        "training.19-2.q": (
            "Upsold accounts churned 1 % in the following year, other accounts 3 %. Which "
            "conclusion does this support? a) upselling reduces churn; b) accounts healthy "
            "enough to be upsold churn less; the comparison cannot tell cause from effect; c) "
            "nothing at all."
        ),
        "training.19-2.h": (
            "Who gets upsold in the first place? Would they have churned without the upsell?"
        ),
        "training.19-2.e": (
            "b: the groups differ before the upsell. A difference this size also needs an "
            "interval before it means anything."
        ),
        "training.19-3.q": (
            "500 accounts pay at the start of a month; 20 of them add a second product; 10 new "
            "accounts start with two products. What is the cross-sell rate over the accounts at "
            "the start?"
        ),
        "training.19-3.h": "Cross-sell is an existing account adding a product.",
        "training.19-3.e": "20 ÷ 500 = 0.04; the new accounts are new business.",
        "training.19-3.trap.with_new": "that counts the new accounts as cross-sells.",
    },
    "ko": {
        "training.02-1.q": "작은 예에서 2월의 시작 고객 기준 이탈률은? (e에 주의하세요.)",
        "training.02-1.h": "2월의 시작 고객은 1월에 결제한 모든 고객입니다. 그중 2월 말에 결제하지 않는 고객은?",
        "training.02-1.e": "시작 {a, b, d, e} = 4, b와 e가 이탈: 2 ÷ 4 = 0.5. 한 달 단위에서 e는 그냥 시작 고객입니다.",
        "training.02-1.trap.average": "시작과 끝 고객 수의 평균으로 나눈 값이지, 시작 고객 수로 나눈 값이 아닙니다.",
        "training.02-1.trap.start_plus_new": "2월에 가입한 f를 분모에 더했습니다: 시작 고객이 아니라 시작 + 신규입니다.",
        "training.02-2.q": (
            "이 데이터에서 보고 월 이전에 끝나는 마지막 완전한 분기의 이탈률을, 분기 "
            "안에 가입하고 이탈한 고객을 포함하고 그 고객이 속하는 분모로 구하세요. "
            "소수점 넷째 자리까지."
        ),
        "training.02-2.h": (
            "분기 안에 가입하고 이탈한 고객은 시작 고객에 없습니다. 분모에 신규 "
            "고객이 들어가야 합니다(join_and_churn=\"count\")."
        ),
        "training.02-2.e": "가입 후 이탈을 셀 때 분자와 분모가 같은 집단을 가리키는 것은 분모가 시작 + 신규일 때뿐입니다.",
        "training.02-2.trap.start_count": (
            "가입 후 이탈한 고객을 세면서 그들이 없는 시작 고객으로 나눴습니다: "
            "분자와 분모가 다른 집단입니다."
        ),
        "training.02-3.q": (
            "매달 성장하는 회사에서 이탈률이 가장 높게 나오는 분모는? \"start\", "
            "\"average\", \"start_plus_new\" 중에서."
        ),
        "training.02-3.h": "분자는 셋 모두 같습니다. 고객이 늘 때 가장 작은 분모는?",
        "training.02-3.e": "성장하면 start < average < start + new이고, 같은 이탈 수를 가장 작은 분모로 나누면 가장 높습니다.",
        "training.02-4.q": "월 이탈률이 꾸준히 2 %입니다. 1년에 잃는 고객의 비율은? (소수로.)",
        "training.02-4.h": "매달 처음 고객이 아니라 남은 고객의 2 %를 잃습니다. 12개월 뒤 남는 비율은?",
        "training.02-4.e": "1 − 0.98¹² ≈ 0.215: 이탈은 복리로 쌓이므로 월 이탈률 × 12는 손실을 과장합니다.",
        "training.02-4.trap.times12": "12 × 2 %입니다: 매달 더 작아진 고객 기반의 2 %를 잃는다는 점을 빠뜨렸습니다.",
        "training.01-1.q": "고객 100명이 월 100, 고객 50명이 연 600을 냅니다. MRR은?",
        "training.01-1.h": "MRR은 월 단위입니다. 각 가격을 그것이 덮는 개월 수로 나누세요.",
        "training.01-1.e": "100 × 100 + 50 × 600 ÷ 12 = 10,000 + 2,500 = 12,500.",
        "training.01-1.trap.not_divided": "연 가격을 매달 내는 것처럼 셌습니다. 12로 나누세요.",
        "training.01-2.q": "시작 MRR 10,000, 신규 500, 확장 300, 축소 200, 이탈 400, 재활성 100. 끝 MRR은?",
        "training.01-2.h": "끝 = 시작 + MRR을 더하는 움직임 − 빼는 움직임. 움직임은 다섯 가지입니다.",
        "training.01-2.e": "10,000 + 500 + 300 + 100 − 200 − 400 = 10,300: 움직임의 합이 MRR의 변화입니다.",
        "training.01-2.trap.no_reactivation": "재활성을 빠뜨렸습니다. 돌아온 고객도 MRR을 더합니다.",
        "training.01-3.q": (
            "정가 연 1,200에 25 % 할인된 연간 플랜이 2026-01-10에 "
            "시작해 2026-04-05에 해지됩니다. "
            "recognise_churn=\"period_end\"일 때 2026-10에 "
            "더하는 MRR은?"
        ),
        "training.01-3.h": "period_end에서는 결제한 1년이 끝날 때까지 셉니다. 고객이 실제로 내는 월 금액은?",
        "training.01-3.e": "결제 기간이 2027-01-10까지이므로 10월에도 셉니다: 1,200 × 0.75 ÷ 12 = 75.",
        "training.01-3.trap.cancel_date": (
            "기본값(recognise_churn=\"cancel_date\")의 답입니다. "
            "이 경우 해지일에 멈춥니다."
        ),
        "training.01-3.trap.list_price": "정가입니다. MRR은 할인 후 실제로 내는 금액입니다.",
        "training.01-4.q": (
            "그 사이 정가를 올렸는데도 신규 고객당 신규 MRR이 반기마다 줄었습니다. "
            "맞는 해석은? a) 가격 인상으로 고객을 잃었다; b) 계약한 고객이 더 "
            "작았다(좌석이 적거나 싼 플랜); c) 가격 인상은 없었다."
        ),
        "training.01-4.h": "고객당 신규 MRR = 좌석당 가격 × 좌석 × 플랜 구성. 가격이 오르는데 줄어들 수 있는 것은?",
        "training.01-4.e": "b: 고객당 합계는 가격과 고객 구성을 섞습니다. 가격을 보려면 좌석별·플랜별로 비교하세요.",
        "training.03-1.q": (
            "작은 예를 이어서: 3월에 2월 계정이 모두 남고 하나가 700으로 새로 "
            "들어옵니다(계정 8, 매출 2,800). "
            "average=\"start_end\"일 때 3월 ARPA는?"
        ),
        "training.03-1.h": "start_end는 시작(2월) 계정 수와 3월 말 계정 수의 평균으로 나눕니다.",
        "training.03-1.e": "2,800 ÷ ((7 + 8) ÷ 2) = 2,800 ÷ 7.5 ≈ 373.33.",
        "training.03-1.trap.actives": "3월의 결제 계정 8로 나눴습니다(average=\"actives\"). 시작/끝 평균이 아닙니다.",
        "training.03-2.q": "보고 월에 ARPA가 가장 높은 세그먼트는 사용자당 얼마를 냅니까(ARPU)? 소수점 둘째 자리까지.",
        "training.03-2.h": "ARPU는 같은 매출을 계정이 아니라 좌석(사용자)으로 나눕니다.",
        "training.03-2.e": "정답: 계정당 가장 많이 내는 세그먼트도 좌석당으로는 적게 낼 수 있고, 좌석당 가격을 알려 주는 것은 이쪽입니다.",
        "training.03-2.trap.arpa": "계정당 매출(ARPA)입니다. 질문은 사용자당입니다.",
        "training.03-3.q": (
            "매달 계정이 늘고 잃지 않는 회사에서 월 ARPA가 더 높게 나오는 "
            "평균은? \"actives\" 또는 \"start_end\"."
        ),
        "training.03-3.h": "매출은 같습니다. 고객이 늘 때 더 작은 분모는?",
        "training.03-3.e": "start_end: 성장하면 (시작 + 끝) ÷ 2가 그 달의 결제 계정 수보다 작습니다.",
        "training.04-1.q": (
            "고객 셋이 연초에 100, 60, 40을 냅니다. 1년 뒤 첫째는 100, "
            "둘째는 10을 내고 셋째는 떠났습니다. 신규 고객 둘이 각각 500을 "
            "냅니다. 12개월 NRR은?"
        ),
        "training.04-1.h": "NRR은 시작 시점에 결제한 고객만 따라갑니다. 그들이 끝에 내는 MRR은?",
        "training.04-1.e": "(200 − 50 − 40) ÷ 200 = 0.55. 신규 고객의 1,000은 유지가 아닙니다.",
        "training.04-1.trap.with_new": "신규 고객 둘을 넣었습니다. NRR은 시작 시점의 고객만 따라갑니다.",
        "training.04-2.q": "같은 세 고객인데 이번에는 첫째가 100에서 150으로 늘었습니다. 12개월 GRR은?",
        "training.04-2.h": "GRR은 잃은 것(축소, 이탈)만 셉니다. 확장은 들어가지 않습니다.",
        "training.04-2.e": "(200 − 50 − 40) ÷ 200 = 0.55 그대로: GRR은 확장을 무시합니다. NRR은 0.80이 됩니다.",
        "training.04-2.trap.nrr": "NRR입니다. GRR은 확장을 빼고 셉니다.",
        "training.04-3.q": (
            "어떤 세그먼트의 NRR이 100 %를 넘고 GRR은 80 %입니다. 맞는 "
            "것은? a) 남은 고객이 줄거나 떠난 고객보다 더 많이 늘었다; b) "
            "고객을 하나도 잃지 않았다; c) 신규 고객이 떠난 고객을 메웠다."
        ),
        "training.04-3.h": "GRR이 100 % 미만이면 매출을 잃은 것입니다. 신규 고객은 두 숫자 어디에도 없습니다.",
        "training.04-3.e": "a: NRR − GRR이 확장이며, 여기서는 20 % 손실을 넘게 메웁니다.",
        "training.04-4.q": (
            "보고 월의 대표 NRR과 GRR(12개월, 복귀 고객 제외; 데이터가 "
            "짧으면 월간)로: 확장은 시작 MRR의 몇 %를 더했습니까? (소수로.)"
        ),
        "training.04-4.h": "NRR = (시작 + 확장 − 축소 − 이탈) ÷ 시작, GRR은 확장을 뺀 같은 식입니다.",
        "training.04-4.e": "NRR − GRR = 확장 ÷ 시작 MRR: 남은 고객이 얼마나 성장했는지입니다.",
        "training.04-4.trap.nrr": "NRR 자체입니다. 그중 확장에서 온 부분이 아닙니다.",
        "training.04-4.trap.grr": "GRR입니다. 질문은 NRR과 GRR의 차이입니다.",
        "training.07-1.q": "방문자 1,000명 중 100명이 리드가 되고, 리드 중 30명이 구매합니다. 리드의 전환율은?",
        "training.07-1.h": "분모는 전환이 시작되는 단계, 여기서는 리드입니다.",
        "training.07-1.e": "30 ÷ 100 = 0.3. 방문자 기준이면 0.03입니다. 분모를 밝히세요.",
        "training.07-1.trap.visitors": "방문자로 나눴습니다. 질문은 리드의 전환율입니다.",
        "training.07-2.q": (
            "한 달에 체험 200건이 시작됐습니다. 오늘까지 120건이 끝났고 그중 "
            "48건이 전환했으며 나머지 80건은 아직 진행 중입니다. 지금까지의 "
            "체험→유료 전환율은?"
        ),
        "training.07-2.h": "아직 진행 중인 체험은 실패한 것이 아닙니다. 판단할 수 있는 체험은?",
        "training.07-2.e": "48 ÷ 120 = 0.4: 끝난 체험만 분모에 들어가고, 진행 중인 80건은 끝날 때 판단합니다.",
        "training.07-2.trap.running_as_failed": "진행 중인 체험 80건을 실패로 셌습니다.",
        "training.07-3.q": (
            "체험 1,000건: 400건은 한 번도 로그인하지 않고, 로그인한 600건 "
            "중 300건이 결제합니다. 온보딩 개선으로 100건이 더 로그인하고 다른 "
            "로그인 계정처럼 결제합니다. 새 체험→유료 전환율은?"
        ),
        "training.07-3.h": "로그인한 계정의 절반이 결제합니다. 결제가 몇 건 늘고, 분모는 무엇입니까?",
        "training.07-3.e": "결제 50건 증가: 350 ÷ 1,000 = 0.35. 퍼널의 첫 단계가 온보딩이 전환을 움직이는 곳입니다.",
        "training.07-3.trap.step": "로그인한 700건 기준(단계 전환율)이지, 전체 체험 기준이 아닙니다.",
        "training.07-3.trap.unchanged": "온보딩 개선 전의 전환율입니다.",
        "training.10-1.q": "CS 팀 비용이 월 12,000이고 고객 40명을 맡으며 모두 남습니다. 월 CRC는?",
        "training.10-1.h": "CRC = 같은 기간의 유지 비용 ÷ 고객 수.",
        "training.10-1.e": "12,000 ÷ 40 = 고객당 월 300(모두 유지되므로 어느 분모든 같습니다).",
        "training.10-2.q": "CAC가 1,200이고 신규 고객은 매출총이익률 80 %로 월 150을 냅니다. CAC를 회수하는 데 몇 개월 걸립니까?",
        "training.10-2.h": "회수 기간 = CAC ÷ 고객이 매달 가져오는 매출총이익.",
        "training.10-2.e": "1,200 ÷ (150 × 0.8) = 10개월.",
        "training.10-2.trap.revenue": "매출로 나눴습니다. 고객을 서비스하는 원가를 먼저 빼야 합니다(× 매출총이익률).",
        "training.10-3.q": (
            "어떤 세그먼트의 유지 비용이 고객당 연 1,500, CAC는 "
            "1,000입니다. 분기로는 유지 비용이 375입니다. 기사의 규칙은 연 "
            "단위로는 나쁜 사업, 분기로는 좋은 사업이라고 합니다. 이 뒤집힘이 보여 "
            "주는 것은? a) 규칙이 지속 비용과 일회성 비용을 비교해서 판정이 기간에 "
            "달려 있다; b) 두 측정 사이에 세그먼트가 나아졌다; c) 분기가 더 "
            "정확하다."
        ),
        "training.10-3.h": "기간이 짧아질 때 두 숫자 중 무엇이 바뀝니까?",
        "training.10-3.e": "a: CRC는 기간에 비례하고 CAC는 그렇지 않습니다. 생애 유지 비용과 LTV를 비교하거나 CAC 회수 기간을 쓰세요.",
        "training.10-4.q": (
            "어떤 세그먼트의 계정은 매출총이익률 80 %로 월 90을 내고, 서비스 "
            "비용은 월 40입니다. 생애 유지 비용이 LTV보다 큽니까? \"yes\" "
            "또는 \"no\"로 답하세요."
        ),
        "training.10-4.h": "생애 비용과 LTV 모두 월 금액 ÷ 같은 이탈률입니다.",
        "training.10-4.e": "no: 월 40과 90 × 0.8 = 72를 비교합니다. 이탈률은 약분됩니다.",
        "training.10-5.q": (
            "회사 전체(세그먼트 없이)에서 보고 월까지의 마지막 완전한 연도(완전한 "
            "연도가 없으면 분기)의 CAC 회수 기간은 몇 개월입니까? 이 노트북이 "
            "가정하는 매출총이익률 80 %로. 소수점 첫째 자리까지."
        ),
        "training.10-5.h": "회사 전체 unit_economics에 cac_payback: CAC ÷ (ARPA × 이익률).",
        "training.10-5.e": "정답: 회수 기간은 기간이며, CAC와 ARPA를 어떤 길이의 기간으로 쟀든 같습니다.",
        "training.10-5.trap.revenue": "매출 기준 회수 기간입니다. 매출총이익률 80 %를 적용하세요.",
        "training.14-1.q": "작은 예에서 계정 b의 사용자 3이 10월 5일에 보고서도 만듭니다. b의 깊이 × 폭은?",
        "training.14-1.h": "깊이: 사용한 핵심 기능 ÷ 핵심 기능 수. 폭: 활성 사용자 ÷ 좌석.",
        "training.14-1.e": "깊이 1 ÷ 2 = 0.5, 폭 1 ÷ 1 = 1: 곱은 0.5.",
        "training.14-1.trap.breadth_only": "폭만 구했습니다. 깊이도 바뀌었습니다.",
        "training.14-2.q": (
            "30일인 달에 사용자 A는 매일 1분씩, 사용자 B는 한 번 8시간 "
            "로그인합니다. A의 제품 사용 시간은 B의 몇 배(소수)입니까?"
        ),
        "training.14-2.h": "각 사용자의 한 달 사용 시간(분)을 더하세요.",
        "training.14-2.e": "30분 대 480분: 0.0625. A는 훨씬 자주, B는 훨씬 오래 씁니다. 빈도와 시간은 다른 지표입니다.",
        "training.14-2.trap.same_time": "비슷한 시간이 아닙니다: 30분 대 480분입니다.",
        "training.14-3.q": (
            "보고 월에 결제한 계정 중 그달에 이벤트가 하나도 없는 계정의 비율은? "
            "(소수로; usage()는 이런 계정을 나열하지 않습니다.)"
        ),
        "training.14-3.h": "결제 계정(보고 월 MRR > 0)과 그달 usage()가 나열하는 계정을 비교하세요.",
        "training.14-3.e": "정답: 활동이 없는 결제 계정은 빈도 0이고, CSM이 가장 먼저 연락할 계정입니다.",
        "training.15-1.q": (
            "작은 예에 사용자를 하나 더합니다. 09:00에 이벤트 하나가 있고 화면을 "
            "300초 열어 두었습니다. 이제 평균 세션 시간(스팬)은?"
        ),
        "training.15-1.h": "이벤트 하나뿐인 세션은 화면 시간을 모르면 스팬이 0입니다. 모든 세션을 세세요.",
        "training.15-1.e": "(2,500 + 50 + 300) ÷ 3 = 950초.",
        "training.15-1.trap.two_sessions": "새 세션을 빠뜨렸습니다. 세 번째 세션입니다.",
        "training.15-2.q": "세션 다섯 개가 2, 3, 4, 5, 86분입니다. 전형적인(중앙값) 세션 길이는 몇 분입니까?",
        "training.15-2.h": "정렬해서 가운데 값을 고르세요.",
        "training.15-2.e": "4분. 평균 20분은 긴 세션 하나에 끌려 올라간 값입니다.",
        "training.15-2.trap.mean": "평균입니다. 긴 세션 하나에 끌려 올라갔습니다.",
        "training.15-3.q": (
            "한 사용자의 이벤트가 09:00, 09:20, 10:00, 10:10에 "
            "있습니다. 비활동 타임아웃이 30분이면 세션은 몇 개입니까?"
        ),
        "training.15-3.h": "타임아웃보다 긴 간격 뒤에 새 세션이 시작됩니다. 간격을 나열하세요.",
        "training.15-3.e": "간격 20, 40, 10분: 30분을 넘는 간격이 하나이므로 세션 2개.",
        "training.15-3.trap.timeout_15": "타임아웃 15분일 때의 답입니다. 타임아웃이 개수를 바꿉니다.",
        "training.17-1.q": "어떤 달에 신규 MRR 40, 확장 10을 얻고, 다운그레이드로 5, 해지로 15를 잃었습니다. 퀵 레이쇼는?",
        "training.17-1.h": "퀵 레이쇼 = 얻은 MRR ÷ 잃은 MRR.",
        "training.17-1.e": "(40 + 10) ÷ (5 + 15) = 2.5.",
        "training.17-1.trap.net_over_lost": "순성장 ÷ 손실입니다. 퀵 레이쇼는 얻은 것을 잃은 것으로 나눕니다.",
        "training.17-2.q": (
            "두 회사 모두 MRR이 월 10,000씩 늘어납니다. A는 12,000을 "
            "얻고 2,000을 잃고, B는 30,000을 얻고 20,000을 잃습니다. "
            "B의 퀵 레이쇼는?"
        ),
        "training.17-2.h": "성장은 같고 손실은 매우 다릅니다. B의 획득을 B의 손실로 나누세요.",
        "training.17-2.e": "30,000 ÷ 20,000 = 1.5, A는 6: 같은 성장이지만 B는 큰 손실을 대가로 성장합니다.",
        "training.17-2.trap.company_a": "회사 A의 값입니다.",
        "training.17-3.q": "어떤 회사가 매달 MRR의 2 %를 잃고(축소 + 이탈) MRR을 월 6 % 늘리고 싶어 합니다. 필요한 퀵 레이쇼는?",
        "training.17-3.h": "얻은 것 − 잃은 것 = 6 %, 잃은 것 = 2 %: 얼마를 얻어야 합니까?",
        "training.17-3.e": "얻은 것 = 8 %: 8 ÷ 2 = 4.",
        "training.17-3.trap.net_over_lost": "성장을 손실로 나눴습니다. 획득은 성장 + 손실입니다.",
        "training.17-4.q": "이 데이터의 보고 월까지 마지막 완전한 연도(완전한 연도가 없으면 분기)의 재활성 제외 퀵 레이쇼는? 소수점 둘째 자리까지.",
        "training.17-4.h": (
            "quick_ratio(period=..., "
            "include_reactivation=False)에서 보고 월 이전에 "
            "끝나는 마지막 완전한 기간."
        ),
        "training.17-4.e": "정답: 재활성을 빼면 성장이 신규와 기존 고객에게서만 얼마나 오는지 보입니다.",
        "training.18-1.q": "작은 예에서 2월 코호트의 1개월 차 매출 유지율은? 주의: 로고 유지율이 아닙니다.",
        "training.18-1.h": "코호트의 1개월 차 MRR ÷ 0개월 차 MRR.",
        "training.18-1.e": "2월은 5 + 15 = 20으로 시작하고, 1개월 차에는 d만 5를 냅니다: 5 ÷ 20 = 0.25.",
        "training.18-1.trap.logo": "로고 유지율(고객 2명 중 1명)입니다. 매출은 내는 금액으로 가중합니다.",
        "training.18-2.q": "보고 월 3개월 전에 시작한 고객 중 보고 월에도 결제하는 비율은(그 월 코호트의 3개월 로고 유지율)?",
        "training.18-2.h": "코호트 중 3개월 차에 결제하는 고객 ÷ 0개월 차 고객. MRR이 아니라 고객 수로.",
        "training.18-2.e": "정답: 로고 표의 한 칸, 행은 보고 월 − 3, 열은 3입니다.",
        "training.18-2.trap.revenue": "코호트의 매출 유지율입니다. 질문은 고객 수입니다.",
        "training.18-3.q": (
            "어떤 코호트의 12개월 차 매출 유지율이 105 %, 로고 유지율은 70 "
            "%입니다. 맞는 것은? a) 남은 고객이 떠난 고객이 가져간 것보다 더 "
            "많이 늘었다; b) 코호트에 신규 고객이 생겼다; c) 둘 중 하나는 틀린 "
            "숫자다."
        ),
        "training.18-3.h": "코호트에는 구성원이 늘지 않습니다. 누가 MRR을 올릴 수 있습니까?",
        "training.18-3.e": "a: 코호트는 시작 시점에 고정되므로 100 %를 넘는 매출은 남은 고객의 확장에서만 나옵니다.",
        "training.19-1.q": (
            "어떤 달에 계정 400개가 결제합니다(그중 380개는 지난달에도 결제). "
            "기존 계정 12개가 상위 플랜으로 옮기고, 신규 계정 5개가 처음부터 "
            "최상위 플랜으로 시작합니다. 결제 계정 기준 업셀률은?"
        ),
        "training.19-1.h": "업셀은 기존 계정이 올라가는 것이고, 분모는 그달의 결제 계정입니다.",
        "training.19-1.e": "12 ÷ 400 = 0.03. 최상위 플랜의 신규 계정은 신규 매출이지 업셀이 아닙니다.",
        "training.19-1.trap.with_new": "신규 계정 5개를 업셀로 셌습니다. 신규 매출입니다.",
        "training.19-1.trap.start": "시작 시점 계정 380개로 나눴습니다. 질문은 결제 계정 기준입니다.",
        "training.19-2.q": (
            "업셀된 계정은 다음 1년에 1 %, 다른 계정은 3 % 이탈했습니다. "
            "이것이 뒷받침하는 결론은? a) 업셀이 이탈을 줄인다; b) 업셀될 만큼 "
            "건강한 계정이 덜 이탈한다; 이 비교로는 원인과 결과를 구별할 수 없다; "
            "c) 아무것도 없다."
        ),
        "training.19-2.h": "애초에 누가 업셀됩니까? 업셀이 없었다면 그들이 이탈했을까요?",
        "training.19-2.e": "b: 두 집단은 업셀 전부터 다릅니다. 이 정도 차이는 구간을 보기 전에는 의미가 없습니다.",
        "training.19-3.q": (
            "월초에 계정 500개가 결제합니다. 그중 20개가 두 번째 제품을 "
            "추가하고, 신규 계정 10개가 제품 두 개로 시작합니다. 시작 계정 기준 "
            "크로스셀률은?"
        ),
        "training.19-3.h": "크로스셀은 기존 계정이 제품을 추가하는 것입니다.",
        "training.19-3.e": "20 ÷ 500 = 0.04. 신규 계정은 신규 매출입니다.",
        "training.19-3.trap.with_new": "신규 계정을 크로스셀로 셌습니다.",
    },
    "ja": {
        "training.02-1.q": "小さな例で、2月の期首顧客に対する解約率は？（e に注意。）",
        "training.02-1.h": "2月の期首は1月に支払っていた全顧客です。そのうち2月末に支払っていないのは？",
        "training.02-1.e": "期首 {a, b, d, e} = 4、b と e が離脱： 2 ÷ 4 = 0.5。1か月単位では e は単なる期首顧客です。",
        "training.02-1.trap.average": "期首と期末の顧客数の平均で割った値で、期首顧客数で割った値ではありません。",
        "training.02-1.trap.start_plus_new": "2月に加入した f を分母に加えています。期首ではなく期首 + 新規です。",
        "training.02-2.q": (
            "このデータで、レポート月以前に終わる最後の完全な四半期の解約率を、期間内に加入して離"
            "脱した顧客を含め、その顧客が属する分母で求めてください。小数第4位まで。"
        ),
        "training.02-2.h": "四半期内に加入して離脱した顧客は期首にいません。分母に新規顧客が必要です（join_and_churn=\"count\"）。",
        "training.02-2.e": "加入後の離脱を数えるとき、分子と分母が同じ集団になるのは分母が期首 + 新規のときだけです。",
        "training.02-2.trap.start_count": "加入後に離脱した顧客を数えながら、その顧客がいない期首顧客で割っています。分子と分母が別の集団です。",
        "training.02-3.q": (
            "毎月成長する会社で、解約率が最も高くなる分母は？ "
            "\"start\"、\"average\"、\"start_plus_new\" のどれですか。"
        ),
        "training.02-3.h": "分子は3つとも同じです。顧客が増えるとき最も小さい分母は？",
        "training.02-3.e": "成長すると start < average < start + new で、同じ離脱数を最も小さい分母で割ると最も高くなります。",
        "training.02-4.q": "月次解約率が一定で 2 % です。1年で失う顧客の割合は？（小数で。）",
        "training.02-4.h": "毎月、期首ではなく残っている顧客の 2 % を失います。12か月後に残る割合は？",
        "training.02-4.e": "1 − 0.98¹² ≈ 0.215。解約は複利で効くので、月次 × 12 は損失を過大に見せます。",
        "training.02-4.trap.times12": "12 × 2 % です。毎月小さくなった顧客基盤の 2 % を失うことを忘れています。",
        "training.01-1.q": "顧客100社が月100、顧客50社が年600を払います。MRR は？",
        "training.01-1.h": "MRR は月額です。各価格をそれがカバーする月数で割ってください。",
        "training.01-1.e": "100 × 100 + 50 × 600 ÷ 12 = 10,000 + 2,500 = 12,500。",
        "training.01-1.trap.not_divided": "年額を毎月払うものとして数えています。12で割ってください。",
        "training.01-2.q": "期首 MRR 10,000、新規 500、拡大 300、縮小 200、解約 400、再開 100。期末 MRR は？",
        "training.01-2.h": "期末 = 期首 + MRR を増やす動き − 減らす動き。動きは5つです。",
        "training.01-2.e": "10,000 + 500 + 300 + 100 − 200 − 400 = 10,300。動きの合計が MRR の変化です。",
        "training.01-2.trap.no_reactivation": "再開を抜かしています。戻った顧客も MRR を増やします。",
        "training.01-3.q": (
            "定価 年1,200、25 % 割引の年間プランが 2026-01-10 に始まり "
            "2026-04-05 に解約されます。recognise_churn=\"period"
            "_end\" のとき、2026-10 に加える MRR は？"
        ),
        "training.01-3.h": "period_end では支払い済みの1年が終わるまで数えます。顧客が実際に払う月額は？",
        "training.01-3.e": "支払い期間は 2027-01-10 までなので10月も数えます： 1,200 × 0.75 ÷ 12 = 75。",
        "training.01-3.trap.cancel_date": (
            "既定（recognise_churn=\"cancel_date\"）の答えです。その場"
            "合は解約日で止まります。"
        ),
        "training.01-3.trap.list_price": "定価です。MRR は割引後に実際に払う金額です。",
        "training.01-4.q": (
            "その間に定価を上げたのに、新規顧客あたりの新規 MRR "
            "が半期ごとに下がりました。合う解釈は？ a) 値上げで顧客を失った； b) "
            "契約した顧客が小さかった（席数が少ない、安いプラン）； c) 値上げはなかった。"
        ),
        "training.01-4.h": "顧客あたり新規 MRR = 席あたり価格 × 席数 × プラン構成。価格が上がっても下がりうるのは？",
        "training.01-4.e": "b: 顧客あたりの合計は価格と顧客構成を混ぜます。価格を見るには席あたり・プラン別に比べます。",
        "training.03-1.q": (
            "小さな例の続き： 3月に2月のアカウントは全て残り、1つが700で加わります（8アカ"
            "ウント、売上2,800）。average=\"start_end\" のとき3月の "
            "ARPA は？"
        ),
        "training.03-1.h": "start_end は期首（2月）と3月末のアカウント数の平均で割ります。",
        "training.03-1.e": "2,800 ÷ ((7 + 8) ÷ 2) = 2,800 ÷ 7.5 ≈ 373.33。",
        "training.03-1.trap.actives": "3月の有料アカウント8で割っています（average=\"actives\"）。期首/期末の平均ではありません。",
        "training.03-2.q": "レポート月に ARPA が最も高いセグメントは、ユーザーあたりいくら払っていますか（ARPU）？小数第2位まで。",
        "training.03-2.h": "ARPU は同じ売上をアカウントではなく席（ユーザー）で割ります。",
        "training.03-2.e": "正解： アカウントあたり最も払うセグメントでも席あたりでは少ないことがあり、席単価を示すのはこちらです。",
        "training.03-2.trap.arpa": "アカウントあたり売上（ARPA）です。問いはユーザーあたりです。",
        "training.03-3.q": "毎月アカウントが増え、失わない会社で、月次 ARPA が高くなる平均は？ \"actives\" か \"start_end\"。",
        "training.03-3.h": "売上は同じです。顧客が増えるとき小さい分母は？",
        "training.03-3.e": "start_end: 成長すると （期首 + 期末） ÷ 2 がその月の有料アカウント数より小さくなります。",
        "training.04-1.q": (
            "3社が年初に100、60、40を払います。1年後、1社目は100、2社目は10を払い"
            "、3社目は離脱しました。新規2社がそれぞれ500を払います。12か月 NRR は？"
        ),
        "training.04-1.h": "NRR は期首に支払っていた顧客だけを追います。その顧客が期末に払う MRR は？",
        "training.04-1.e": "(200 − 50 − 40) ÷ 200 = 0.55。新規顧客の1,000は維持ではありません。",
        "training.04-1.trap.with_new": "新規2社を含めています。NRR は期首の顧客だけを追います。",
        "training.04-2.q": "同じ3社で、今度は1社目が100から150に増えました。12か月 GRR は？",
        "training.04-2.h": "GRR は失ったもの（縮小、解約）だけを数え、拡大は入りません。",
        "training.04-2.e": "(200 − 50 − 40) ÷ 200 = 0.55 のまま。GRR は拡大を無視し、NRR は 0.80 になります。",
        "training.04-2.trap.nrr": "NRR です。GRR は拡大を除きます。",
        "training.04-3.q": (
            "あるセグメントの NRR が 100 % を超え、GRR は 80 % "
            "です。正しいのは？ a) 残った顧客が、縮小・離脱した顧客の分より多く伸びた； "
            "b) 顧客を1社も失っていない； c) 新規顧客が離脱を埋めた。"
        ),
        "training.04-3.h": "GRR が 100 % 未満なら売上を失っています。新規顧客はどちらの数字にも入りません。",
        "training.04-3.e": "a: NRR − GRR が拡大で、ここでは 20 % の損失以上を埋めています。",
        "training.04-4.q": (
            "レポート月の代表 NRR と GRR（12か月、復帰顧客除外； "
            "データが短ければ月次）から： 拡大は期首 MRR の何割を加えましたか？（小数で。）"
        ),
        "training.04-4.h": "NRR = （期首 + 拡大 − 縮小 − 解約） ÷ 期首、GRR は拡大を除いた同じ式です。",
        "training.04-4.e": "NRR − GRR = 拡大 ÷ 期首 MRR: 残った顧客がどれだけ伸びたかです。",
        "training.04-4.trap.nrr": "NRR そのものです。そのうち拡大から来た部分ではありません。",
        "training.04-4.trap.grr": "GRR です。問いは NRR と GRR の差です。",
        "training.07-1.q": "訪問者1,000人のうち100人がリードになり、リードのうち30人が購入します。リードのコンバージョン率は？",
        "training.07-1.h": "分母は転換元の段階、ここではリードです。",
        "training.07-1.e": "30 ÷ 100 = 0.3。訪問者基準なら 0.03。分母を明記しましょう。",
        "training.07-1.trap.visitors": "訪問者で割っています。問いはリードのコンバージョン率です。",
        "training.07-2.q": (
            "ある月に200件のトライアルが始まりました。今日までに120件が終わり、うち48件が"
            "有料化し、残り80件はまだ継続中です。現時点のトライアル→有料の転換率は？"
        ),
        "training.07-2.h": "継続中のトライアルはまだ失敗ではありません。判定できるのはどのトライアルですか？",
        "training.07-2.e": "48 ÷ 120 = 0.4: 終わったトライアルだけが分母で、継続中の80件は終わったときに判定します。",
        "training.07-2.trap.running_as_failed": "継続中の80件を失敗として数えています。",
        "training.07-3.q": (
            "トライアル1,000件： 400件は一度もログインせず、ログインした600件のうち3"
            "00件が有料化します。オンボーディング改善で100件多くログインし、他のログイン者と"
            "同じように有料化します。新しいトライアル→有料の転換率は？"
        ),
        "training.07-3.h": "ログインした人の半分が有料化します。有料が何件増え、分母は何ですか？",
        "training.07-3.e": "有料が50件増える： 350 ÷ 1,000 = 0.35。ファネルの最初の段階こそオンボーディングが転換を動かす場所です。",
        "training.07-3.trap.step": "ログインした700件に対する率（段階の率）で、全トライアルに対する率ではありません。",
        "training.07-3.trap.unchanged": "オンボーディング改善前の率です。",
        "training.10-1.q": "CS チームの費用が月12,000で、40社を担当し、全社が残ります。月次 CRC は？",
        "training.10-1.h": "CRC = 同じ期間の維持費用 ÷ 顧客数。",
        "training.10-1.e": "12,000 ÷ 40 = 顧客あたり月300（全社維持なのでどちらの分母でも同じ）。",
        "training.10-2.q": "CAC が1,200で、新規顧客は粗利率 80 % で月150を払います。CAC の回収に何か月かかりますか？",
        "training.10-2.h": "回収期間 = CAC ÷ 顧客が毎月もたらす粗利。",
        "training.10-2.e": "1,200 ÷ (150 × 0.8) = 10か月。",
        "training.10-2.trap.revenue": "売上で割っています。まず顧客に提供する原価を引きます（× 粗利率）。",
        "training.10-3.q": (
            "あるセグメントの維持費用は顧客あたり年1,500、CAC "
            "は1,000です。四半期では維持費用は375です。記事のルールは年単位では悪い事業、"
            "四半期では良い事業と判定します。この逆転が示すのは？ a) "
            "ルールが継続費用と一回限りの費用を比べているので、判定が期間に左右される； b) "
            "2つの測定の間にセグメントが改善した； c) 四半期の方が正確。"
        ),
        "training.10-3.h": "期間を短くすると、2つの数字のどちらが変わりますか？",
        "training.10-3.e": "a: CRC は期間に比例し、CAC はしません。生涯の維持費用と LTV を比べるか、CAC 回収期間を使います。",
        "training.10-4.q": (
            "あるセグメントのアカウントは粗利率 80 % "
            "で月90を払い、対応費用は月40です。生涯の維持費用は LTV "
            "を上回りますか？\"yes\" か \"no\" で。"
        ),
        "training.10-4.h": "生涯費用も LTV も、月額 ÷ 同じ解約率です。",
        "training.10-4.e": "no: 月40と 90 × 0.8 = 72 を比べます。解約率は打ち消し合います。",
        "training.10-5.q": (
            "会社全体（セグメントなし）で、レポート月までの最後の完全な年（完全な年がなければ四半"
            "期）の CAC 回収期間は何か月ですか？このノートブックが仮定する粗利率 80 % "
            "で。小数第1位まで。"
        ),
        "training.10-5.h": "会社全体の unit_economics に cac_payback: CAC ÷ （ARPA × 粗利率）。",
        "training.10-5.e": "正解： 回収期間は期間の長さであり、CAC と ARPA をどの長さの期間で測っても同じです。",
        "training.10-5.trap.revenue": "売上ベースの回収期間です。粗利率 80 % を適用してください。",
        "training.14-1.q": "小さな例で、アカウント b のユーザー3が10月5日にレポートも作成します。b の深さ × 幅は？",
        "training.14-1.h": "深さ： 使ったキー機能 ÷ キー機能数。幅： アクティブユーザー ÷ 席数。",
        "training.14-1.e": "深さ 1 ÷ 2 = 0.5、幅 1 ÷ 1 = 1: 積は 0.5。",
        "training.14-1.trap.breadth_only": "幅だけです。深さも変わりました。",
        "training.14-2.q": "30日の月に、ユーザー A は毎日1分、ユーザー B は1回だけ8時間ログインします。A の製品利用時間は B の何倍（小数）ですか？",
        "training.14-2.h": "各ユーザーの1か月の利用分数を足してください。",
        "training.14-2.e": "30分対480分： 0.0625。A ははるかに頻繁、B ははるかに長い。頻度と時間は別の指標です。",
        "training.14-2.trap.same_time": "同じくらいの時間ではありません： 30分対480分です。",
        "training.14-3.q": (
            "レポート月に支払っていたアカウントのうち、その月にイベントが1つもないアカウントの割"
            "合は？（小数で。usage() はそれらを表示しません。）"
        ),
        "training.14-3.h": "有料アカウント（レポート月の MRR > 0）と、その月に usage() が表示するアカウントを比べてください。",
        "training.14-3.e": "正解： 活動のない有料アカウントは頻度 0 で、CSM が最初に連絡すべきアカウントです。",
        "training.15-1.q": "小さな例に2人目のユーザーを加えます。09:00 にイベントが1つあり、画面を300秒開いていました。平均セッション時間（スパン）は？",
        "training.15-1.h": "イベント1つのセッションは画面時間が分からなければスパン0です。全セッションを数えてください。",
        "training.15-1.e": "(2,500 + 50 + 300) ÷ 3 = 950秒。",
        "training.15-1.trap.two_sessions": "新しいセッションを抜かしています。3つ目のセッションです。",
        "training.15-2.q": "5つのセッションが 2、3、4、5、86分です。典型的な（中央値の）セッションの長さは何分？",
        "training.15-2.h": "並べ替えて真ん中を取ってください。",
        "training.15-2.e": "4分。平均の20分は1つの長いセッションに引っ張られています。",
        "training.15-2.trap.mean": "平均です。長いセッション1つに引っ張られています。",
        "training.15-3.q": "あるユーザーのイベントが 09:00、09:20、10:00、10:10 にあります。無操作タイムアウトが30分なら、セッションはいくつ？",
        "training.15-3.h": "タイムアウトより長い間隔の後に新しいセッションが始まります。間隔を並べてください。",
        "training.15-3.e": "間隔は20、40、10分： 30分を超えるのは1つなのでセッションは2つ。",
        "training.15-3.trap.timeout_15": "タイムアウト15分のときの答えです。タイムアウトで数が変わります。",
        "training.17-1.q": "ある月に新規 MRR 40、拡大 10 を得て、ダウングレードで 5、解約で 15 を失いました。クイックレシオは？",
        "training.17-1.h": "クイックレシオ = 得た MRR ÷ 失った MRR。",
        "training.17-1.e": "(40 + 10) ÷ (5 + 15) = 2.5。",
        "training.17-1.trap.net_over_lost": "純増 ÷ 損失です。クイックレシオは得たものを失ったもので割ります。",
        "training.17-2.q": (
            "2社とも MRR が月10,000ずつ増えます。A "
            "は12,000を得て2,000を失い、B は30,000を得て20,000を失います"
            "。B のクイックレシオは？"
        ),
        "training.17-2.h": "成長は同じで損失は大きく違います。B の獲得を B の損失で割ってください。",
        "training.17-2.e": "30,000 ÷ 20,000 = 1.5、A は 6: 同じ成長でも B は大きな損失と引き換えです。",
        "training.17-2.trap.company_a": "A 社の値です。",
        "training.17-3.q": "ある会社は毎月 MRR の 2 % を失い（縮小 + 解約）、MRR を月 6 % 伸ばしたいと考えています。必要なクイックレシオは？",
        "training.17-3.h": "得たもの − 失ったもの = 6 %、失ったもの = 2 %: いくら得る必要がありますか？",
        "training.17-3.e": "得たもの = 8 %: 8 ÷ 2 = 4。",
        "training.17-3.trap.net_over_lost": "成長を損失で割っています。獲得は成長 + 損失です。",
        "training.17-4.q": "このデータの、レポート月までの最後の完全な年（完全な年がなければ四半期）の再開を除くクイックレシオは？小数第2位まで。",
        "training.17-4.h": (
            "quick_ratio(period=..., "
            "include_reactivation=False) "
            "の、レポート月以前に終わる最後の完全な期間。"
        ),
        "training.17-4.e": "正解： 再開を除くと、成長が新規と既存顧客だけからどれだけ来るかが分かります。",
        "training.18-1.q": "小さな例で、2月コホートの1か月目の売上維持率は？注意： ロゴ維持率ではありません。",
        "training.18-1.h": "コホートの1か月目の MRR ÷ 0か月目の MRR。",
        "training.18-1.e": "2月は 5 + 15 = 20 で始まり、1か月目は d だけが5を払います： 5 ÷ 20 = 0.25。",
        "training.18-1.trap.logo": "ロゴ維持率（2社中1社）です。売上は支払額で重み付けします。",
        "training.18-2.q": "レポート月の3か月前に始めた顧客のうち、レポート月にも支払っている割合は（その月次コホートの3か月ロゴ維持率）?",
        "training.18-2.h": "コホートのうち3か月目に支払う顧客 ÷ 0か月目の顧客。MRR ではなく顧客数で。",
        "training.18-2.e": "正解： ロゴ表の1マス、行はレポート月 − 3、列は 3 です。",
        "training.18-2.trap.revenue": "コホートの売上維持率です。問いは顧客数です。",
        "training.18-3.q": (
            "あるコホートの12か月目の売上維持率が 105 %、ロゴ維持率は 70 % "
            "です。正しいのは？ a) 残った顧客が、離脱した顧客の持ち去った分より多く伸びた； "
            "b) コホートに新規顧客が加わった； c) どちらかの数字が誤り。"
        ),
        "training.18-3.h": "コホートのメンバーは増えません。誰が MRR を上げられますか？",
        "training.18-3.e": "a: コホートは開始時点で固定されるので、100 % 超の売上は残った顧客の拡大からしか来ません。",
        "training.19-1.q": (
            "ある月に400アカウントが支払っています（うち380は先月も支払い）。既存12アカウ"
            "ントが上位プランに移り、新規5アカウントが最初から最上位プランで始めました。有料アカ"
            "ウントに対するアップセル率は？"
        ),
        "training.19-1.h": "アップセルは既存アカウントの上位移行で、分母はその月の有料アカウントです。",
        "training.19-1.e": "12 ÷ 400 = 0.03。最上位プランの新規アカウントは新規売上で、アップセルではありません。",
        "training.19-1.trap.with_new": "新規5アカウントをアップセルとして数えています。新規売上です。",
        "training.19-1.trap.start": "期首の380アカウントで割っています。問いは有料アカウント基準です。",
        "training.19-2.q": (
            "アップセルしたアカウントは翌年 1 %、他のアカウントは 3 % "
            "解約しました。これが支持する結論は？ a) アップセルは解約を減らす； b) "
            "アップセルされるほど健全なアカウントは解約が少ない。この比較では因果を区別できない；"
            " c) 何も言えない。"
        ),
        "training.19-2.h": "そもそも誰がアップセルされますか？アップセルがなければ解約していたでしょうか？",
        "training.19-2.e": "b: 2つの群はアップセル前から違います。この程度の差は区間を見るまで意味を持ちません。",
        "training.19-3.q": (
            "月初に500アカウントが支払っています。そのうち20が2つ目の製品を追加し、新規10"
            "アカウントが製品2つで始めました。期首アカウントに対するクロスセル率は？"
        ),
        "training.19-3.h": "クロスセルは既存アカウントが製品を追加することです。",
        "training.19-3.e": "20 ÷ 500 = 0.04。新規アカウントは新規売上です。",
        "training.19-3.trap.with_new": "新規アカウントをクロスセルとして数えています。",
    },
    "zh-Hant": {
        "training.02-1.q": "在小例子中，2 月以期初客戶為分母的流失率是多少？（注意 e。）",
        "training.02-1.h": "2 月的期初客戶是 1 月有付費的所有客戶。其中哪些在 2 月底不再付費？",
        "training.02-1.e": "期初 {a, b, d, e} = 4，b 和 e 流失：2 ÷ 4 = 0.5。以一個月來看，e 只是期初客戶。",
        "training.02-1.trap.average": "這是除以期初與期末客戶數的平均，不是除以期初客戶數。",
        "training.02-1.trap.start_plus_new": "這把 2 月加入的 f 算進分母：是期初 + 新客戶，不是期初。",
        "training.02-2.q": "在這份資料中，報告月份當月或之前結束的最後一個完整季度的流失率：計入季度內加入又離開的客戶，並使用這些客戶所屬的分母。取到小數第四位。",
        "training.02-2.h": "季度內加入又離開的客戶不在期初客戶中：分母必須包含新加入的客戶（join_and_churn=\"count\"）。",
        "training.02-2.e": "計入加入後流失時，只有分母為期初 + 新客戶，分子與分母才描述同一群客戶。",
        "training.02-2.trap.start_count": "這計入了加入後離開的客戶，卻除以從未包含他們的期初客戶：分子與分母是不同的群體。",
        "training.02-3.q": "一家每月成長的公司，哪個分母給出最高的流失率：\"start\"、\"average\" 還是 \"start_plus_new\"?",
        "training.02-3.h": "三者的分子相同。客戶數成長時，哪個分母最小？",
        "training.02-3.e": "成長時 start < average < start + new，同樣的流失數除以最小的分母，比率最高。",
        "training.02-4.q": "月流失率穩定在 2 %。一年會失去多少比例的客戶？（以小數表示。）",
        "training.02-4.h": "每個月失去的是剩下客戶的 2 %，不是期初客戶的 2 %：十二個月後剩下多少？",
        "training.02-4.e": "1 − 0.98¹² ≈ 0.215：流失會複利累積，月流失率 × 12 會高估損失。",
        "training.02-4.trap.times12": "這是 12 × 2 %：忽略了每個月是從較小的客戶基礎中失去 2 %。",
        "training.01-1.q": "100 位客戶每月付 100;50 位客戶每年付 600。MRR 是多少？",
        "training.01-1.h": "MRR 以月計：把每個價格除以它涵蓋的月數。",
        "training.01-1.e": "100 × 100 + 50 × 600 ÷ 12 = 10,000 + 2,500 = 12,500。",
        "training.01-1.trap.not_divided": "這把年費當成每月支付；請除以 12。",
        "training.01-2.q": "期初 MRR 10,000；新增 500、擴充 300、縮減 200、流失 400、回流 100。期末 MRR 是多少？",
        "training.01-2.h": "期末 = 期初 + 增加 MRR 的變動 − 減少 MRR 的變動。共有五種變動。",
        "training.01-2.e": "10,000 + 500 + 300 + 100 − 200 − 400 = 10,300：各項變動加總等於 MRR 的變化。",
        "training.01-2.trap.no_reactivation": "這漏掉了回流：回來的客戶也會增加 MRR。",
        "training.01-3.q": (
            "一個定價每年 1,200、折扣 25 % 的年繳方案於 2026-01-10 "
            "開始，2026-04-05 取消。在 recognise_churn=\"period"
            "_end\" 下，它在 2026-10 貢獻多少 MRR?"
        ),
        "training.01-3.h": "period_end 會計算到已付費的一年結束為止。客戶實際每月付多少？",
        "training.01-3.e": "已付費期間到 2027-01-10，所以 10 月仍計入：1,200 × 0.75 ÷ 12 = 75。",
        "training.01-3.trap.cancel_date": (
            "這是預設值（recognise_churn=\"cancel_date\"）的答案，此時"
            "方案在取消日就停止計算。"
        ),
        "training.01-3.trap.list_price": "這是定價；MRR 是客戶折扣後實際支付的金額。",
        "training.01-4.q": (
            "期間公司調漲了定價，但每位新客戶的新增 MRR "
            "卻一個半年比一個半年低。哪種解讀合理？a) 漲價讓公司失去客戶；b) "
            "簽約的客戶規模較小（席位較少、方案較便宜）；c) 漲價根本沒發生。"
        ),
        "training.01-4.h": "每位客戶的新增 MRR = 每席價格 × 席位數 × 方案組合。價格上漲時，哪一項仍可能下降？",
        "training.01-4.e": "b：每位客戶的總額混合了價格與客戶組合；要看價格，請按每席、按方案比較。",
        "training.03-1.q": (
            "延續小例子：3 月所有 2 月的帳戶都留下，另有一個新帳戶付 700(8 "
            "個帳戶，收入 2,800)。在 average=\"start_end\" 下，3 "
            "月的 ARPA 是多少？"
        ),
        "training.03-1.h": "start_end 除以期初（2 月）與 3 月底帳戶數的平均。",
        "training.03-1.e": "2,800 ÷ ((7 + 8) ÷ 2) = 2,800 ÷ 7.5 ≈ 373.33。",
        "training.03-1.trap.actives": "這是除以 3 月的 8 個付費帳戶（average=\"actives\"），不是期初/期末平均。",
        "training.03-2.q": "在報告月份，ARPA 最高的區隔每位使用者付多少（ARPU）？取到小數第二位。",
        "training.03-2.h": "ARPU 把同樣的收入除以席位（使用者），而不是帳戶。",
        "training.03-2.e": "正確：每個帳戶付最多的區隔，每個席位可能付得很少，而每席價格看的是這個數字。",
        "training.03-2.trap.arpa": "這是每帳戶收入（ARPA）；題目問的是每位使用者。",
        "training.03-3.q": "一家公司每月增加帳戶且沒有流失。哪種平均會給出較高的月 ARPA:\"actives\" 還是 \"start_end\"?",
        "training.03-3.h": "收入相同；客戶數成長時哪個分母較小？",
        "training.03-3.e": "start_end：成長時 （期初 + 期末） ÷ 2 小於當月付費帳戶數。",
        "training.04-1.q": (
            "三位客戶在年初分別付 100、60、40。一年後第一位付 100、第二位付 "
            "10、第三位已離開；兩位新客戶各付 500。12 個月 NRR 是多少？"
        ),
        "training.04-1.h": "NRR 只追蹤期初有付費的客戶。他們在期末付多少 MRR?",
        "training.04-1.e": "(200 − 50 − 40) ÷ 200 = 0.55；新客戶的 1,000 不算留存。",
        "training.04-1.trap.with_new": "這納入了兩位新客戶；NRR 只追蹤期初有付費的客戶。",
        "training.04-2.q": "同樣三位客戶，但這次第一位從 100 成長到 150。12 個月 GRR 是多少？",
        "training.04-2.h": "GRR 只計算損失（縮減、流失）；擴充不會進入。",
        "training.04-2.e": "(200 − 50 − 40) ÷ 200 = 0.55，不變：GRR 忽略擴充。NRR 則升到 0.80。",
        "training.04-2.trap.nrr": "這是 NRR;GRR 不計擴充。",
        "training.04-3.q": (
            "某區隔的 NRR 高於 100 %，GRR 為 80 %。哪一項正確？a) "
            "留下的客戶成長幅度超過縮減或離開的客戶帶走的；b) 這個區隔沒有失去任何客戶；c) "
            "新客戶彌補了離開的客戶。"
        ),
        "training.04-3.h": "GRR 低於 100 % 表示收入有損失；新客戶不在任何一個數字中。",
        "training.04-3.e": "a:NRR − GRR 就是擴充，這裡它超過了 20 % 的損失。",
        "training.04-4.q": "用報告月份的主要 NRR 與 GRR（12 個月，排除回流客戶；資料不足時為月度）：擴充增加了期初 MRR 的多少比例？（以小數表示。）",
        "training.04-4.h": "NRR = （期初 + 擴充 − 縮減 − 流失） ÷ 期初；GRR 是不含擴充的同一公式。",
        "training.04-4.e": "NRR − GRR = 擴充 ÷ 期初 MRR：留下的客戶成長了多少。",
        "training.04-4.trap.nrr": "這是 NRR 本身，而不是其中來自擴充的部分。",
        "training.04-4.trap.grr": "這是 GRR；題目問的是 NRR 與 GRR 的差。",
        "training.07-1.q": "1,000 位訪客中有 100 位成為潛在客戶，其中 30 位購買。潛在客戶的轉換率是多少？",
        "training.07-1.h": "分母是轉換起點的階段：這裡是潛在客戶。",
        "training.07-1.e": "30 ÷ 100 = 0.3；以訪客計則是 0.03。請註明分母。",
        "training.07-1.trap.visitors": "這是除以訪客；題目問的是潛在客戶的轉換率。",
        "training.07-2.q": "某月開始了 200 個試用。到今天有 120 個已結束，其中 48 個轉為付費；其餘 80 個仍在進行中。目前的試用轉付費率是多少？",
        "training.07-2.h": "仍在進行中的試用還不算失敗：哪些試用可以判斷？",
        "training.07-2.e": "48 ÷ 120 = 0.4：只有已結束的試用進入分母，進行中的 80 個等結束時再判斷。",
        "training.07-2.trap.running_as_failed": "這把 80 個進行中的試用算成失敗。",
        "training.07-3.q": (
            "1,000 個試用：400 個從未登入；登入的 600 個中有 300 "
            "個付費。導入改善讓多 100 個試用登入，且他們像其他登入者一樣付費。新的試用轉付費"
            "率是多少？"
        ),
        "training.07-3.h": "登入者有一半付費。會增加多少付費者？分母是什麼？",
        "training.07-3.e": "增加 50 個付費者：350 ÷ 1,000 = 0.35。漏斗的第一步正是導入能推動轉換的地方。",
        "training.07-3.trap.step": "這是以登入的 700 個為分母（階段轉換率），不是全部試用。",
        "training.07-3.trap.unchanged": "這是導入改善之前的轉換率。",
        "training.10-1.q": "CS 團隊每月花費 12,000，負責 40 位客戶，全部留下。每月 CRC 是多少？",
        "training.10-1.h": "CRC = 同期的留存支出 ÷ 客戶數。",
        "training.10-1.e": "12,000 ÷ 40 = 每位客戶每月 300（所有客戶都留下，兩種分母相同）。",
        "training.10-2.q": "CAC 為 1,200；新客戶每月付 150，毛利率 80 %。需要幾個月才能回收 CAC?",
        "training.10-2.h": "回收期 = CAC ÷ 客戶每月帶來的毛利。",
        "training.10-2.e": "1,200 ÷ (150 × 0.8) = 10 個月。",
        "training.10-2.trap.revenue": "這是除以收入；要先扣掉服務客戶的成本（× 毛利率）。",
        "training.10-3.q": (
            "某區隔每位客戶每年留存成本 1,500，CAC 為 1,000；以季計留存成本為 "
            "375。文章的規則按年判定為壞生意，按季判定為好生意。這個翻轉說明什麼？a) "
            "規則拿持續成本與一次性成本比較，結論取決於期間長短；b) "
            "兩次衡量之間該區隔改善了；c) 季度較精確。"
        ),
        "training.10-3.h": "期間變短時，兩個數字中哪一個會改變？",
        "training.10-3.e": "a:CRC 隨期間長短等比例變動，CAC 不會。請比較生命週期留存成本與 LTV，或使用 CAC 回收期。",
        "training.10-4.q": (
            "某區隔的帳戶每月付 90，毛利率 80 %；服務一個帳戶每月花 "
            "40。生命週期留存成本是否高於 LTV？請回答 \"yes\" 或 \"no\"。"
        ),
        "training.10-4.h": "生命週期成本與 LTV 都是月金額 ÷ 同一個流失率。",
        "training.10-4.e": "no：比較每月 40 與 90 × 0.8 = 72；流失率互相抵銷。",
        "training.10-5.q": (
            "以整間公司（不分區隔）計，到報告月份為止最後一個完整年度（沒有完整年度時為季度）的 "
            "CAC 回收期是幾個月？使用本筆記本假設的 80 % 毛利率。取到小數第一位。"
        ),
        "training.10-5.h": "對整間公司的 unit_economics 使用 cac_payback:CAC ÷ （ARPA × 毛利率）。",
        "training.10-5.e": "正確：回收期是一段時間長度，不論用多長的期間衡量 CAC 與 ARPA 都相同。",
        "training.10-5.trap.revenue": "這是以收入計算的回收期；請套用 80 % 毛利率。",
        "training.14-1.q": "在小例子中，帳戶 b 的使用者 3 在 10 月 5 日也建立了報表。b 現在的深度 × 廣度是多少？",
        "training.14-1.h": "深度：使用的關鍵功能 ÷ 關鍵功能數。廣度：活躍使用者 ÷ 席位數。",
        "training.14-1.e": "深度 1 ÷ 2 = 0.5，廣度 1 ÷ 1 = 1：乘積為 0.5。",
        "training.14-1.trap.breadth_only": "這只是廣度；深度也變了。",
        "training.14-2.q": "在 30 天的月份裡，使用者 A 每天登入一分鐘；使用者 B 只登入一次，停留八小時。A 的產品使用時間是 B 的幾倍（以小數表示）?",
        "training.14-2.h": "把每位使用者一個月的分鐘數加總。",
        "training.14-2.e": "30 分鐘對 480 分鐘：0.0625。A 頻率高得多，B 時間長得多：頻率與時間是不同的指標。",
        "training.14-2.trap.same_time": "兩者的時間並不相近：30 分鐘對 480 分鐘。",
        "training.14-3.q": "報告月份有付費的帳戶中，當月完全沒有事件的比例是多少？（以小數表示；usage() 不會列出它們。）",
        "training.14-3.h": "比較付費帳戶（報告月份 MRR > 0）與 usage() 當月列出的帳戶。",
        "training.14-3.e": "正確：沒有活動的付費帳戶頻率為 0，是 CSM 最先要聯絡的帳戶。",
        "training.15-1.q": "在小例子中加入第二位使用者：09:00 有一個事件，畫面開了 300 秒。現在的平均工作階段時長（跨度）是多少？",
        "training.15-1.h": "只有一個事件的工作階段，除非知道畫面時間，否則跨度為 0；每個工作階段都要算。",
        "training.15-1.e": "(2,500 + 50 + 300) ÷ 3 = 950 秒。",
        "training.15-1.trap.two_sessions": "這漏掉了新的工作階段：它是第三個工作階段。",
        "training.15-2.q": "五個工作階段分別為 2、3、4、5、86 分鐘。典型（中位數）的工作階段長度是幾分鐘？",
        "training.15-2.h": "排序後取中間那個。",
        "training.15-2.e": "4 分鐘；平均值 20 被一個很長的工作階段拉高了。",
        "training.15-2.trap.mean": "這是平均值，被一個很長的工作階段拉高了。",
        "training.15-3.q": "某使用者的事件在 09:00、09:20、10:00、10:10。以 30 分鐘閒置逾時計，共有幾個工作階段？",
        "training.15-3.h": "間隔超過逾時時間後會開始新的工作階段。列出各個間隔。",
        "training.15-3.e": "間隔 20、40、10 分鐘：只有一個超過 30，所以是 2 個工作階段。",
        "training.15-3.trap.timeout_15": "這是 15 分鐘逾時的答案；逾時設定會改變數量。",
        "training.17-1.q": "某月公司新增 MRR 40、擴充 10，降級損失 5、取消損失 15。快速比率是多少？",
        "training.17-1.h": "快速比率 = 獲得的 MRR ÷ 失去的 MRR。",
        "training.17-1.e": "(40 + 10) ÷ (5 + 15) = 2.5。",
        "training.17-1.trap.net_over_lost": "這是淨成長 ÷ 損失；快速比率是把獲得的除以失去的。",
        "training.17-2.q": (
            "兩家公司的 MRR 每月都成長 10,000。A 獲得 12,000、失去 "
            "2,000;B 獲得 30,000、失去 20,000。B 的快速比率是多少？"
        ),
        "training.17-2.h": "成長相同，損失差很多：把 B 的獲得除以 B 的損失。",
        "training.17-2.e": "30,000 ÷ 20,000 = 1.5，A 是 6：同樣的成長，B 卻付出大量流失的代價。",
        "training.17-2.trap.company_a": "這是 A 公司的比率。",
        "training.17-3.q": "某公司每月失去 2 % 的 MRR（縮減 + 流失），希望 MRR 每月成長 6 %。需要多少快速比率？",
        "training.17-3.h": "獲得 − 失去 = 6 %，失去 = 2 %：需要獲得多少？",
        "training.17-3.e": "獲得 = 8 %:8 ÷ 2 = 4。",
        "training.17-3.trap.net_over_lost": "這是把成長除以損失；獲得是成長 + 損失。",
        "training.17-4.q": "這份資料到報告月份為止最後一個完整年度（沒有完整年度時為季度），不含回流的快速比率是多少？取到小數第二位。",
        "training.17-4.h": (
            "quick_ratio(period=..., "
            "include_reactivation=False)，取報告月份當月或之前結束的最"
            "後一個完整期間。"
        ),
        "training.17-4.e": "正確：不含回流，可以看出成長有多少只來自新客戶與既有客戶。",
        "training.18-1.q": "在小例子中，2 月同期群在第 1 個月的收入留存率是多少？注意：不是客戶數留存率。",
        "training.18-1.h": "同期群在第 1 個月的 MRR ÷ 第 0 個月的 MRR。",
        "training.18-1.e": "2 月從 5 + 15 = 20 開始；第 1 個月只有 d 付 5:5 ÷ 20 = 0.25。",
        "training.18-1.trap.logo": "這是客戶數留存率（2 位中 1 位）；收入要依付費金額加權。",
        "training.18-2.q": "在報告月份前三個月開始的客戶中，報告月份仍付費的比例是多少（該月同期群的 3 個月客戶數留存率）?",
        "training.18-2.h": "同期群在第 3 個月仍付費的客戶 ÷ 第 0 個月的客戶，計算客戶數而非 MRR。",
        "training.18-2.e": "正確：客戶數留存表中的一格，列為報告月份 − 3，欄為 3。",
        "training.18-2.trap.revenue": "這是該同期群的收入留存率；題目計算的是客戶數。",
        "training.18-3.q": (
            "某同期群第 12 個月的收入留存率為 105 %，客戶數留存率為 70 "
            "%。哪一項正確？a) 留下的客戶成長幅度超過離開客戶帶走的；b) "
            "該同期群增加了新客戶；c) 兩個數字必有一個錯。"
        ),
        "training.18-3.h": "同期群的成員不會增加：誰能提高它的 MRR?",
        "training.18-3.e": "a：同期群在開始時就固定了，超過 100 % 的收入只能來自留下客戶的擴充。",
        "training.19-1.q": (
            "某月有 400 個帳戶付費（其中 380 個上個月也付費）。12 "
            "個既有帳戶升級到更高方案，5 個新帳戶一開始就用最高方案。以付費帳戶計的追加銷售率是"
            "多少？"
        ),
        "training.19-1.h": "追加銷售是既有帳戶升級；分母是當月的付費帳戶。",
        "training.19-1.e": "12 ÷ 400 = 0.03；直接用最高方案的新帳戶是新業務，不是追加銷售。",
        "training.19-1.trap.with_new": "這把 5 個新帳戶算成追加銷售；它們是新業務。",
        "training.19-1.trap.start": "這是除以期初的 380 個帳戶；題目以付費帳戶計。",
        "training.19-2.q": (
            "追加銷售的帳戶隔年流失 1 %，其他帳戶流失 3 %。這支持哪個結論？a) "
            "追加銷售降低流失；b) 健康到能被追加銷售的帳戶流失較少；這個比較無法分辨因果；c)"
            " 什麼都不能說。"
        ),
        "training.19-2.h": "一開始是誰會被追加銷售？沒有追加銷售的話，他們會流失嗎？",
        "training.19-2.e": "b：兩組在追加銷售之前就不同。這麼小的差距在看到區間之前也沒有意義。",
        "training.19-3.q": "月初有 500 個帳戶付費；其中 20 個加購第二項產品；10 個新帳戶一開始就用兩項產品。以期初帳戶計的交叉銷售率是多少？",
        "training.19-3.h": "交叉銷售是既有帳戶加購產品。",
        "training.19-3.e": "20 ÷ 500 = 0.04；新帳戶是新業務。",
        "training.19-3.trap.with_new": "這把新帳戶算成交叉銷售。",
    },
}
