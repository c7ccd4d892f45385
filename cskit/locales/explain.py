"""Texts of the explainers (``explain.*``) and of the training path (``training.*``).

Terms follow what CS practitioners write in each language (see the source
articles): 순추천지수 / 추천 고객 · 비추천 고객, 推奨者 · 批判者, 推薦者 · 批評者;
이탈률 / 解約率 / 流失率; 1차 해결률 / 一次解決率 / 首次聯繫解決率;
헬스 스코어 / ヘルススコア / 健康分數. Placeholders in braces are the same in
every language.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # shared
        "explain.undefined": "—",
        "explain.none": "(none)",
        "explain.what_moved": "What moved:",
        "explain.moved.changed": "{control}: {old} → {new}; {metric}: {before} → {after}.",
        "explain.moved.same": "{control}: {old} → {new}; {metric} stays at {after}.",
        "explain.static_note": (
            "Static view of the default state (no widget front end). Open the notebook in "
            "JupyterLab to move the inputs, or call cskit.explain.set_mode('widget')."
        ),
        # NPS
        "explain.nps.caption": (
            "Move the number of promoters (9–10), passives (7–8) and detractors (0–6). "
            "NPS counts groups, not scores: a 0 and a 6 weigh the same."
        ),
        "explain.nps.ctl.promoters": "Promoters (9–10)",
        "explain.nps.ctl.passives": "Passives (7–8)",
        "explain.nps.ctl.detractors": "Detractors (0–6)",
        "explain.nps.ctl.detractor_answer": "Every detractor answers",
        "explain.nps.ctl.level": "Confidence level",
        "explain.nps.opt.as_answered": "as answered",
        "explain.nps.num.n": "Answers",
        "explain.nps.num.promoters": "Promoters",
        "explain.nps.num.passives": "Passives",
        "explain.nps.num.detractors": "Detractors",
        "explain.nps.num.nps": "NPS",
        "explain.nps.num.interval": "{level:.0%} interval",
        "explain.nps.num.mean_score": "Mean score (0–10)",
        "explain.nps.formula": "NPS = % promoters − % detractors = {p} − {d} = {nps}",
        "explain.nps.why.same_group": (
            "The mean score went from {before} to {after}, yet NPS did not move: "
            "every answer from 0 to 6 counts as one detractor."
        ),
        "explain.nps.why.interval": "With {n} answers the interval is ±{half} points.",
        "explain.nps.start": (
            "{month}: {n} answers give NPS {nps} (interval {low} to {high}). "
            "Move a slider to see what changes it."
        ),
        "explain.nps.axis.score": "Answer (0–10)",
        "explain.nps.axis.answers": "Answers",
        "explain.nps.axis.mean": "mean {mean}",
        # churn
        "explain.churn.caption": (
            "The same customers, three denominators: ÷ start, ÷ average of start and end, "
            "÷ start + new. Switch what counts as churn and watch all three move."
        ),
        "explain.churn.ctl.period": "Period",
        "explain.churn.ctl.join_and_churn": "Joined and churned in the period",
        "explain.churn.ctl.reactivated": "Churned and back by the period's end",
        "explain.churn.opt.month": "Month",
        "explain.churn.opt.quarter": "Quarter",
        "explain.churn.opt.year": "Year",
        "explain.churn.opt.exclude": "leave out",
        "explain.churn.opt.count": "count as churn",
        "explain.churn.opt.keep": "count as churn",
        "explain.churn.opt.net": "net out",
        "explain.churn.num.period": "Period",
        "explain.churn.num.start": "Customers at start",
        "explain.churn.num.new": "New customers",
        "explain.churn.num.end": "Customers at end",
        "explain.churn.num.churned": "Churned customers",
        "explain.churn.num.rate_start": "churn rate ÷ start",
        "explain.churn.formula": (
            "{churned} ÷ {start} = {r1};  {churned} ÷ {average} = {r2};  "
            "{churned} ÷ {start_plus_new} = {r3}"
        ),
        "explain.churn.why.join": (
            "{n} customers joined and churned within the period; only they change."
        ),
        "explain.churn.why.return": (
            "{n} churned customers were back by the period's end."
        ),
        "explain.churn.why.none": (
            "No customer did this within the period, so nothing changes (a single month never holds both)."
        ),
        "explain.churn.why.period": (
            "Over longer periods more customers join, so the denominators drift apart "
            "(now {spread} between the highest and lowest rate)."
        ),
        "explain.churn.start": (
            "{period}: {churned} customers churned; the rate is between {low} and {high} "
            "depending only on the denominator."
        ),
        # MRR movements
        "explain.mrr.title": "MRR movements",
        "explain.mrr.caption": (
            "Build a month: start + new + expansion − contraction − churn + reactivation = end. "
            "A churned customer who comes back is reactivation, not new."
        ),
        "explain.mrr.num.end": "End MRR",
        "explain.mrr.num.net_new": "Net new MRR",
        "explain.mrr.num.growth": "MRR growth",
        "explain.mrr.num.gross_churn": "Gross revenue churn",
        "explain.mrr.num.net_churn": "Net revenue churn",
        "explain.mrr.num.quick_ratio": "Quick ratio",
        "explain.mrr.formula": (
            "{start} + {new} + {expansion} − {contraction} − {churn} + {reactivation} = {end}"
        ),
        "explain.mrr.why.reactivation": (
            "Reactivation is revenue from customers who had churned: it is not new business."
        ),
        "explain.mrr.why.net_churn": (
            "Expansion offsets losses in net revenue churn ({before} → {after}), "
            "which can go below zero."
        ),
        "explain.mrr.start": "{month}: MRR went from {start} to {end} ({net_new}).",
        # NRR vs GRR
        "explain.retention.title": "NRR vs GRR",
        "explain.retention.caption": (
            "Customers paying {window} months ago: what they pay now. Expansion lifts NRR "
            "but never GRR; new customers are in neither."
        ),
        "explain.retention.num.start": "Start MRR of the cohort",
        "explain.retention.num.nrr": "NRR (net revenue retention)",
        "explain.retention.num.grr": "GRR (gross revenue retention)",
        "explain.retention.num.new": "MRR of new customers",
        "explain.retention.num.end": "End MRR, all customers",
        "explain.retention.formula": (
            "NRR = ({start} + {expansion} − {contraction} − {churn}) ÷ {start} = {nrr};  "
            "GRR = ({start} − {contraction} − {churn}) ÷ {start} = {grr}"
        ),
        "explain.retention.why.new": (
            "New customers change end MRR, not retention: NRR and GRR only follow the cohort."
        ),
        "explain.retention.why.expansion": (
            "GRR stays at {grr}: it ignores expansion and can never exceed 100%."
        ),
        "explain.retention.start": (
            "Over the {window} months to {month}: NRR {nrr}, GRR {grr}."
        ),
        "explain.retention.axis.retained": "Kept (after contraction and churn)",
        "explain.retention.axis.share_of_start": "Share of start MRR",
        # LTV
        "explain.ltv.title": "Customer lifetime value (LTV)",
        "explain.ltv.caption": (
            "LTV = ARPA × gross margin ÷ churn rate, all monthly. 1 ÷ churn is the expected "
            "lifetime: as churn falls toward 0, LTV grows without limit."
        ),
        "explain.ltv.ctl.arpa": "ARPA (monthly)",
        "explain.ltv.ctl.churn": "Monthly churn rate",
        "explain.ltv.ctl.margin": "Gross margin",
        "explain.ltv.num.lifetime": "Expected lifetime (months)",
        "explain.ltv.num.ltv": "LTV",
        "explain.ltv.formula": "LTV = {arpa} × {margin} ÷ {churn} = {ltv}",
        "explain.ltv.why.zero": (
            "At zero churn LTV is undefined (an endless lifetime): use a trailing average churn."
        ),
        "explain.ltv.why.explodes": (
            "At low churn each step counts double: halving churn to {half} would double LTV "
            "to {double}."
        ),
        "explain.ltv.start": (
            "{month}: ARPA {arpa} and a trailing 12-month churn of {churn} give LTV {ltv}."
        ),
        "explain.ltv.axis.undefined": "churn = 0: LTV undefined",
        # CSAT / CES scales
        "explain.scales.title": "{survey}: top-box share vs mean",
        "explain.scales.caption": (
            "The same answers, two summaries: the share of answers in the top box, or the mean "
            "score. Move middle answers to both ends: the mean stays, the share moves."
        ),
        "explain.scales.name.csat": "CSAT (1–5)",
        "explain.scales.name.ces": "CES (1–7)",
        "explain.scales.ctl.threshold": "Positive from answer",
        "explain.scales.ctl.polarise": "Middle answers moved to both ends (pairs)",
        "explain.scales.ctl.inverted": "Survey stored 1 as the best answer",
        "explain.scales.opt.no": "no",
        "explain.scales.opt.yes": "yes (read as is)",
        "explain.scales.num.survey": "Survey",
        "explain.scales.num.period": "Answers from",
        "explain.scales.num.n": "Answers",
        "explain.scales.num.top_box_band": "Top-box share ({band})",
        "explain.scales.num.top_box": "top-box share",
        "explain.scales.num.mean": "Mean score",
        "explain.scales.formula": (
            "answers {band}: {positive} ÷ {n} = {share};  mean = {mean}"
        ),
        "explain.scales.why.polarise": (
            "The mean stays at {mean}: as many answers went up as down. "
            "Top-box and mean are not comparable."
        ),
        "explain.scales.why.inverted": (
            "Read the wrong way round, an inverted scale turns easy into hard: "
            "check the scale before you compare."
        ),
        "explain.scales.start": (
            "{survey}: {n} answers; {share} answered {band}, the mean is {mean} of {top}."
        ),
        "explain.scales.axis.score": "Answer",
        "explain.scales.axis.answers": "Answers",
        "explain.scales.axis.mean": "mean {mean}",
        # FCR
        "explain.fcr.title": "First contact resolution (FCR)",
        "explain.fcr.caption": (
            "FCR = tickets resolved at the first contact ÷ tickets. Each definitional question "
            "below changes the rate: say which answers your number uses."
        ),
        "explain.fcr.ctl.max_replies": "At most this many agent replies",
        "explain.fcr.ctl.exclude_reopened": "A reopened ticket is not first-contact",
        "explain.fcr.ctl.exclude_spam": "Leave out spam and dropped contacts",
        "explain.fcr.ctl.denominator": "Divide by",
        "explain.fcr.ctl.channel": "Channel",
        "explain.fcr.opt.yes": "yes",
        "explain.fcr.opt.no": "no",
        "explain.fcr.opt.resolved": "resolved tickets",
        "explain.fcr.opt.all": "all tickets",
        "explain.fcr.opt.all_channels": "all channels",
        "explain.fcr.num.period": "Tickets created",
        "explain.fcr.num.tickets": "Tickets",
        "explain.fcr.num.denominator": "Denominator",
        "explain.fcr.num.qualifying": "Resolved at first contact",
        "explain.fcr.num.fcr": "FCR",
        "explain.fcr.formula": "FCR = {qualifying} ÷ {denominator} = {fcr}",
        "explain.fcr.why.max_replies": (
            "Allowing more agent replies makes 'first contact' looser, so more tickets qualify."
        ),
        "explain.fcr.why.exclude_reopened": (
            "A ticket that had to be reopened was not really solved the first time."
        ),
        "explain.fcr.why.exclude_spam": (
            "Spam is closed without help; counting it inflates or dilutes FCR."
        ),
        "explain.fcr.why.denominator": (
            "Dividing by all tickets also counts the ones still open."
        ),
        "explain.fcr.start": "{period}: FCR {fcr} of {n} tickets with the default definition.",
        "explain.fcr.step.tickets": "All tickets",
        "explain.fcr.step.eligible": "Without spam",
        "explain.fcr.step.resolved": "Resolved",
        "explain.fcr.step.few_replies": "Within the reply limit",
        "explain.fcr.step.qualifying": "First-contact resolved",
        "explain.fcr.axis.tickets": "Tickets",
        # DAU / MAU
        "explain.stickiness.title": "Stickiness (DAU/MAU)",
        "explain.stickiness.caption": (
            "Mean DAU over the month ÷ MAU. Define 'active' first (which events count) and "
            "the MAU window: both change the ratio without any change in behaviour."
        ),
        "explain.stickiness.ctl.window": "MAU window (days)",
        "explain.stickiness.ctl.activity": "Events that count as activity",
        "explain.stickiness.num.month": "Month",
        "explain.stickiness.num.mean_dau": "Mean DAU",
        "explain.stickiness.num.mau": "MAU (last {window} days)",
        "explain.stickiness.num.stickiness": "DAU/MAU",
        "explain.stickiness.formula": "DAU/MAU = {dau} ÷ {mau} = {ratio} ({window}-day window)",
        "explain.stickiness.why.window": (
            "A shorter window counts fewer users as monthly-active: the same use looks stickier."
        ),
        "explain.stickiness.why.activity": (
            "A stricter activity definition lowers DAU and MAU, and rarely by the same share."
        ),
        "explain.stickiness.start": "{month}: DAU/MAU {ratio} with a {window}-day window.",
        "explain.stickiness.axis.dau": "DAU",
        "explain.stickiness.axis.mau": "Active in the window (MAU)",
        "explain.stickiness.axis.users": "Users",
        # health score
        "explain.health.title": "Health-score weights",
        "explain.health.caption": (
            "Score = Σ weight × component ÷ Σ weights (0–100; red ≤ 50, yellow ≤ 75, green). "
            "Change the weights: accounts re-rank and the backtest shows whether the score "
            "separates accounts that churned later."
        ),
        "explain.health.comp.frequency": "Frequency (active days)",
        "explain.health.comp.breadth": "Breadth (seats active)",
        "explain.health.comp.depth": "Depth (features used)",
        "explain.health.comp.tickets": "Few support tickets",
        "explain.health.comp.nps": "NPS answer",
        "explain.health.comp.mrr_growth": "MRR growth",
        "explain.health.num.accounts": "Accounts scored",
        "explain.health.num.churned": "Churned within {horizon} months",
        "explain.health.num.auc": "AUC",
        "explain.health.num.churn_rate": "Churn rate",
        "explain.health.num.at_risk": "{n} most at risk",
        "explain.health.band.red": "Red",
        "explain.health.band.yellow": "Yellow",
        "explain.health.band.green": "Green",
        "explain.health.formula": "score = ({weights}) ÷ {total};  AUC = {auc}",
        "explain.health.why.rerank": "{n} accounts entered the {top} most at risk.",
        "explain.health.num.best": "Best single component most accounts have (AUC)",
        "explain.health.num.red_share": "Share of accounts in red",
        "explain.health.num.fitted": "Fitted on past months, judged on later ones ({months})",
        "explain.health.why.worse": (
            "This plausible-looking score ranks churners worse than {best} alone "
            "(AUC {best_auc}): a weight on a signal that does not predict dilutes one that does."
        ),
        "explain.health.why.ranked": (
            "These components are ranks among the accounts, so about half of every component is "
            "below 50 whatever the accounts' health: a ranked score always has a red share."
        ),
        "explain.health.start": (
            "Scored at {snapshot}, checked against churn in the next {horizon} months: AUC {auc} "
            "(0.5 = a coin toss)."
        ),
        "explain.health.axis.score": "Health score",
        "explain.health.axis.at_risk": "Lowest scores (red = churned later)",
        # training
        "training.correct": "Correct! {explanation}",
        "training.wrong": "Not yet: you answered {answer}. Hint: {hint}",
        "training.not_number": (
            "You answered {answer}, which is text: answer with a number (e.g. 0.05, not '0.05')."
        ),
        "training.trap": "You answered {answer}: {why} Hint: {hint}",
        "training.churn-1.trap.average": (
            "that is the churn rate over the average of start and end customers, not over the "
            "customers at the start."
        ),
        "training.churn-1.trap.start_plus_new": (
            "that is the churn rate over start plus new customers, not over the customers at "
            "the start."
        ),
        "training.no_answer": "No answer yet: write your answer in place of None and run the cell again.",
        "training.percent": (
            "You answered {answer}: that looks like a percentage. cskit writes rates as "
            "fractions (5% = 0.05)."
        ),
        "training.unknown": "There is no exercise {exercise!r}; see cskit.training.exercises().",
        "training.col.exercise": "Exercise",
        "training.col.kpi": "KPI",
        "training.col.question": "Question",
        "training.nps-1.q": (
            "40 promoters, 30 passives and 30 detractors answered. What is the NPS (in points)?"
        ),
        "training.nps-1.h": "% promoters − % detractors, on a −100 … 100 scale.",
        "training.nps-1.e": "40% − 30% = 10 points; passives only dilute.",
        "training.nps-2.q": (
            "Which two answers count the same in NPS: 'a' 0 and 6, 'b' 6 and 7, 'c' 8 and 9?"
        ),
        "training.nps-2.h": "Detractors are 0–6, passives 7–8, promoters 9–10.",
        "training.nps-2.e": "0 and 6 are both detractors; 6 and 7 and 8 and 9 cross a boundary.",
        "training.churn-1.q": (
            "On the sample company, what is the October 2026 logo churn rate with the "
            "denominator 'customers at start'? Give a fraction to four decimals (e.g. 0.0312)."
        ),
        "training.churn-1.h": (
            "company.mrr.cs.churn(period='M') — read the 2026-10 row of churn."
        ),
        "training.churn-1.e": "Churned start customers ÷ customers at the start of October.",
        "training.churn-2.q": (
            "Same data, which denominator gives the lowest rate: 'start', 'average' or "
            "'start_plus_new'?"
        ),
        "training.churn-2.h": "The larger the denominator, the smaller the rate.",
        "training.churn-2.e": "start + new is the largest base, so its rate is the lowest.",
        "training.mrr-1.q": (
            "Start MRR 10,000; new 500, expansion 300, contraction 200, churn 400, "
            "reactivation 100. What is end MRR?"
        ),
        "training.mrr-1.h": "start + new + expansion − contraction − churn + reactivation.",
        "training.mrr-1.e": "10,000 + 500 + 300 − 200 − 400 + 100 = 10,300.",
        "training.retention-1.q": (
            "Start MRR 100; expansion 10, contraction 10, churn 10. What is GRR (a fraction)?"
        ),
        "training.retention-1.h": "GRR leaves expansion out: (start − contraction − churn) ÷ start.",
        "training.retention-1.e": "(100 − 10 − 10) ÷ 100 = 0.8; NRR would be 0.9.",
        "training.ltv-1.q": "ARPA 100 per month, monthly churn 5%, no margin. What is LTV?",
        "training.ltv-1.h": "ARPA ÷ monthly churn rate.",
        "training.ltv-1.e": "100 ÷ 0.05 = 2,000 (a 20-month lifetime).",
        "training.ltv-2.q": "Churn halves from 4% to 2% a month. By what factor does LTV grow?",
        "training.ltv-2.h": "LTV is proportional to 1 ÷ churn.",
        "training.ltv-2.e": "1 ÷ 0.02 is twice 1 ÷ 0.04: LTV doubles.",
        "training.csat-1.q": (
            "Ten CSAT answers: 3, 3, 3, 3, 4, 4, 4, 5, 5, 5. What is the top-2-box share?"
        ),
        "training.csat-1.h": "Answers 4 and 5 ÷ all answers.",
        "training.csat-1.e": "6 of 10 answered 4 or 5: 0.6 (the mean is 3.9).",
        "training.fcr-1.q": (
            "120 tickets resolved; 84 with one agent reply, of which 6 were reopened. "
            "FCR with 'reopened is not first-contact'?"
        ),
        "training.fcr-1.h": "(one-reply tickets − reopened ones) ÷ resolved tickets.",
        "training.fcr-1.e": "(84 − 6) ÷ 120 = 0.65.",
        "training.stickiness-1.q": (
            "Daily active users over a week: 10, 1, 1, 1, 1, 1, 1; MAU is 10. "
            "Mean DAU ÷ MAU (3 decimals)?"
        ),
        "training.stickiness-1.h": "Mean DAU = 16 ÷ 7.",
        "training.stickiness-1.e": "16 ÷ 7 ÷ 10 = 0.229.",
        "training.health-1.q": (
            "Ten equally weighted metrics: 5 good (100), 3 average (60), 2 poor (40). "
            "What is the health score?"
        ),
        "training.health-1.h": "Σ weight × score ÷ Σ weights.",
        "training.health-1.e": "(500 + 180 + 80) ÷ 10 = 76: green.",
    },
    "ko": {
        "explain.undefined": "—",
        "explain.none": "(없음)",
        "explain.what_moved": "변화:",
        "explain.moved.changed": "{control}: {old} → {new}; {metric}: {before} → {after}.",
        "explain.moved.same": "{control}: {old} → {new}; {metric}은(는) {after} 그대로입니다.",
        "explain.static_note": (
            "기본 상태의 정적 화면입니다(위젯 프런트엔드 없음). 입력값을 움직이려면 "
            "JupyterLab에서 노트북을 열거나 cskit.explain.set_mode('widget')를 호출하세요."
        ),
        "explain.nps.caption": (
            "추천 고객(9–10점), 중립 고객(7–8점), 비추천 고객(0–6점) 수를 움직여 보세요. "
            "NPS는 점수가 아니라 그룹을 셉니다. 0점과 6점은 같은 무게입니다."
        ),
        "explain.nps.ctl.promoters": "추천 고객(9–10점)",
        "explain.nps.ctl.passives": "중립 고객(7–8점)",
        "explain.nps.ctl.detractors": "비추천 고객(0–6점)",
        "explain.nps.ctl.detractor_answer": "모든 비추천 고객의 응답",
        "explain.nps.ctl.level": "신뢰 수준",
        "explain.nps.opt.as_answered": "실제 응답대로",
        "explain.nps.num.n": "응답 수",
        "explain.nps.num.promoters": "추천 고객",
        "explain.nps.num.passives": "중립 고객",
        "explain.nps.num.detractors": "비추천 고객",
        "explain.nps.num.nps": "NPS",
        "explain.nps.num.interval": "{level:.0%} 신뢰구간",
        "explain.nps.num.mean_score": "평균 점수(0–10)",
        "explain.nps.formula": "NPS = 추천 고객 % − 비추천 고객 % = {p} − {d} = {nps}",
        "explain.nps.why.same_group": (
            "평균 점수는 {before}에서 {after}(으)로 바뀌었지만 NPS는 그대로입니다. "
            "0점부터 6점까지의 응답은 모두 비추천 고객 한 명으로 셉니다."
        ),
        "explain.nps.why.interval": "응답 {n}건이면 신뢰구간은 ±{half}점입니다.",
        "explain.nps.start": (
            "{month}: 응답 {n}건, NPS {nps}(신뢰구간 {low} ~ {high}). "
            "슬라이더를 움직여 무엇이 NPS를 바꾸는지 확인하세요."
        ),
        "explain.nps.axis.score": "응답(0–10점)",
        "explain.nps.axis.answers": "응답 수",
        "explain.nps.axis.mean": "평균 {mean}",
        "explain.churn.caption": (
            "같은 고객, 세 가지 분모: ÷ 기초 고객 수, ÷ 기초·기말 평균, ÷ 기초 + 신규. "
            "무엇을 이탈로 볼지 바꾸면 세 값이 모두 움직입니다."
        ),
        "explain.churn.ctl.period": "기간",
        "explain.churn.ctl.join_and_churn": "기간 중 가입 후 이탈",
        "explain.churn.ctl.reactivated": "이탈 후 기간 말까지 복귀",
        "explain.churn.opt.month": "월",
        "explain.churn.opt.quarter": "분기",
        "explain.churn.opt.year": "연",
        "explain.churn.opt.exclude": "제외",
        "explain.churn.opt.count": "이탈로 집계",
        "explain.churn.opt.keep": "이탈로 집계",
        "explain.churn.opt.net": "상계",
        "explain.churn.num.period": "기간",
        "explain.churn.num.start": "기초 고객 수",
        "explain.churn.num.new": "신규 고객 수",
        "explain.churn.num.end": "기말 고객 수",
        "explain.churn.num.churned": "이탈 고객 수",
        "explain.churn.num.rate_start": "이탈률(÷ 기초)",
        "explain.churn.formula": (
            "{churned} ÷ {start} = {r1};  {churned} ÷ {average} = {r2};  "
            "{churned} ÷ {start_plus_new} = {r3}"
        ),
        "explain.churn.why.join": "기간 중에 가입하고 이탈한 고객 {n}명만 달라집니다.",
        "explain.churn.why.return": "이탈한 고객 중 {n}명이 기간 말까지 돌아왔습니다.",
        "explain.churn.why.none": (
            "기간 안에 해당하는 고객이 없어 변화가 없습니다(한 달 안에는 둘 다 일어날 수 없습니다)."
        ),
        "explain.churn.why.period": (
            "기간이 길수록 신규 고객이 많아져 분모 사이의 차이가 커집니다"
            "(현재 최고와 최저 이탈률의 차이 {spread})."
        ),
        "explain.churn.start": (
            "{period}: 이탈 고객 {churned}명. 분모만 바꿔도 이탈률은 {low}에서 {high} 사이입니다."
        ),
        "explain.mrr.title": "MRR 변동",
        "explain.mrr.caption": (
            "한 달을 만들어 보세요: 기초 + 신규 + 확장 − 축소 − 이탈 + 재활성화 = 기말. "
            "이탈했다가 돌아온 고객은 신규가 아니라 재활성화입니다."
        ),
        "explain.mrr.num.end": "기말 MRR",
        "explain.mrr.num.net_new": "순증 MRR",
        "explain.mrr.num.growth": "MRR 성장률",
        "explain.mrr.num.gross_churn": "총 매출 이탈률",
        "explain.mrr.num.net_churn": "순 매출 이탈률",
        "explain.mrr.num.quick_ratio": "퀵 레이쇼",
        "explain.mrr.formula": (
            "{start} + {new} + {expansion} − {contraction} − {churn} + {reactivation} = {end}"
        ),
        "explain.mrr.why.reactivation": (
            "재활성화는 이탈했던 고객이 다시 내는 매출로, 신규 매출이 아닙니다."
        ),
        "explain.mrr.why.net_churn": (
            "확장은 순 매출 이탈률에서 손실을 상쇄하며({before} → {after}), "
            "순 매출 이탈률은 0 아래로 내려갈 수 있습니다."
        ),
        "explain.mrr.start": "{month}: MRR이 {start}에서 {end}(으)로 변했습니다({net_new}).",
        "explain.retention.title": "NRR과 GRR",
        "explain.retention.caption": (
            "{window}개월 전에 결제하던 고객이 지금 얼마를 내는지 봅니다. 확장은 NRR을 올리지만 "
            "GRR은 절대 올리지 않고, 신규 고객은 어느 쪽에도 들어가지 않습니다."
        ),
        "explain.retention.num.start": "코호트의 기초 MRR",
        "explain.retention.num.nrr": "NRR(순매출 유지율)",
        "explain.retention.num.grr": "GRR(총매출 유지율)",
        "explain.retention.num.new": "신규 고객 MRR",
        "explain.retention.num.end": "전체 고객 기말 MRR",
        "explain.retention.formula": (
            "NRR = ({start} + {expansion} − {contraction} − {churn}) ÷ {start} = {nrr};  "
            "GRR = ({start} − {contraction} − {churn}) ÷ {start} = {grr}"
        ),
        "explain.retention.why.new": (
            "신규 고객은 기말 MRR을 바꿀 뿐 유지율은 바꾸지 않습니다. NRR과 GRR은 코호트만 봅니다."
        ),
        "explain.retention.why.expansion": (
            "GRR은 {grr} 그대로입니다. 확장을 무시하므로 100%를 넘을 수 없습니다."
        ),
        "explain.retention.start": "{month}까지 {window}개월: NRR {nrr}, GRR {grr}.",
        "explain.retention.axis.retained": "유지(축소·이탈 후)",
        "explain.retention.axis.share_of_start": "기초 MRR 대비 비율",
        "explain.ltv.title": "고객 생애 가치(LTV)",
        "explain.ltv.caption": (
            "LTV = ARPA × 매출총이익률 ÷ 이탈률(모두 월 단위). 1 ÷ 이탈률은 기대 고객 수명이므로 "
            "이탈률이 0에 가까워질수록 LTV는 한없이 커집니다."
        ),
        "explain.ltv.ctl.arpa": "ARPA(계정당 월평균 매출)",
        "explain.ltv.ctl.churn": "월 이탈률",
        "explain.ltv.ctl.margin": "매출총이익률",
        "explain.ltv.num.lifetime": "기대 고객 수명(개월)",
        "explain.ltv.num.ltv": "LTV",
        "explain.ltv.formula": "LTV = {arpa} × {margin} ÷ {churn} = {ltv}",
        "explain.ltv.why.zero": (
            "이탈률이 0이면 LTV는 정의되지 않습니다(수명이 끝이 없음). 최근 평균 이탈률을 쓰세요."
        ),
        "explain.ltv.why.explodes": (
            "이탈률이 낮을수록 변화의 효과가 큽니다. 이탈률을 {half}로 절반 줄이면 LTV는 "
            "{double}(으)로 두 배가 됩니다."
        ),
        "explain.ltv.start": (
            "{month}: ARPA {arpa}, 최근 12개월 평균 이탈률 {churn} → LTV {ltv}."
        ),
        "explain.ltv.axis.undefined": "이탈률 = 0: LTV 정의 불가",
        "explain.scales.title": "{survey}: 상위 박스 비율과 평균",
        "explain.scales.caption": (
            "같은 응답, 두 가지 요약: 상위 박스(Top-box)에 든 응답 비율, 또는 평균 점수. "
            "중간 응답을 양 끝으로 옮기면 평균은 그대로이고 비율만 움직입니다."
        ),
        "explain.scales.name.csat": "고객 만족도 CSAT(1–5)",
        "explain.scales.name.ces": "고객 노력 점수 CES(1–7)",
        "explain.scales.ctl.threshold": "긍정으로 볼 최저 점수",
        "explain.scales.ctl.polarise": "양 끝으로 옮긴 중간 응답(쌍)",
        "explain.scales.ctl.inverted": "1점이 가장 좋은 응답으로 저장됨",
        "explain.scales.opt.no": "아니요",
        "explain.scales.opt.yes": "예(그대로 읽음)",
        "explain.scales.num.survey": "설문",
        "explain.scales.num.period": "응답 기간",
        "explain.scales.num.n": "응답 수",
        "explain.scales.num.top_box_band": "상위 박스 비율({band}점)",
        "explain.scales.num.top_box": "상위 박스 비율",
        "explain.scales.num.mean": "평균 점수",
        "explain.scales.formula": "{band}점 응답: {positive} ÷ {n} = {share};  평균 = {mean}",
        "explain.scales.why.polarise": (
            "올라간 응답과 내려간 응답의 수가 같아 평균은 {mean} 그대로입니다. "
            "상위 박스 비율과 평균은 서로 비교할 수 없습니다."
        ),
        "explain.scales.why.inverted": (
            "역척도를 거꾸로 읽으면 '쉬움'이 '어려움'이 됩니다. 비교 전에 척도를 확인하세요."
        ),
        "explain.scales.start": (
            "{survey}: 응답 {n}건 중 {share}가 {band}점, 평균은 {top}점 만점에 {mean}점입니다."
        ),
        "explain.scales.axis.score": "응답 점수",
        "explain.scales.axis.answers": "응답 수",
        "explain.scales.axis.mean": "평균 {mean}",
        "explain.fcr.title": "1차 해결률(FCR)",
        "explain.fcr.caption": (
            "FCR = 첫 응대에서 해결된 티켓 ÷ 티켓. 아래의 정의 하나하나가 비율을 바꿉니다. "
            "어떤 정의를 썼는지 함께 밝히세요."
        ),
        "explain.fcr.ctl.max_replies": "상담원 답변 최대 횟수",
        "explain.fcr.ctl.exclude_reopened": "재오픈된 티켓은 1차 해결이 아님",
        "explain.fcr.ctl.exclude_spam": "스팸·중도 이탈 문의 제외",
        "explain.fcr.ctl.denominator": "분모",
        "explain.fcr.ctl.channel": "채널",
        "explain.fcr.opt.yes": "예",
        "explain.fcr.opt.no": "아니요",
        "explain.fcr.opt.resolved": "해결된 티켓",
        "explain.fcr.opt.all": "전체 티켓",
        "explain.fcr.opt.all_channels": "전체 채널",
        "explain.fcr.num.period": "티켓 생성 기간",
        "explain.fcr.num.tickets": "티켓 수",
        "explain.fcr.num.denominator": "분모",
        "explain.fcr.num.qualifying": "1차 해결 티켓",
        "explain.fcr.num.fcr": "FCR",
        "explain.fcr.formula": "FCR = {qualifying} ÷ {denominator} = {fcr}",
        "explain.fcr.why.max_replies": (
            "답변 횟수를 늘려 허용하면 '첫 응대'의 기준이 느슨해져 더 많은 티켓이 포함됩니다."
        ),
        "explain.fcr.why.exclude_reopened": "다시 열린 티켓은 처음에 제대로 해결된 것이 아닙니다.",
        "explain.fcr.why.exclude_spam": "스팸은 도움 없이 닫힙니다. 포함하면 FCR이 왜곡됩니다.",
        "explain.fcr.why.denominator": "전체 티켓으로 나누면 아직 열린 티켓도 분모에 들어갑니다.",
        "explain.fcr.start": "{period}: 기본 정의로 티켓 {n}건의 FCR은 {fcr}입니다.",
        "explain.fcr.step.tickets": "전체 티켓",
        "explain.fcr.step.eligible": "스팸 제외",
        "explain.fcr.step.resolved": "해결됨",
        "explain.fcr.step.few_replies": "답변 횟수 이내",
        "explain.fcr.step.qualifying": "1차 해결",
        "explain.fcr.axis.tickets": "티켓 수",
        "explain.stickiness.title": "고착도(DAU/MAU)",
        "explain.stickiness.caption": (
            "월평균 DAU ÷ MAU. 먼저 '활성'(어떤 이벤트를 셀지)과 MAU 기간을 정하세요. "
            "행동이 그대로여도 둘 다 비율을 바꿉니다."
        ),
        "explain.stickiness.ctl.window": "MAU 기간(일)",
        "explain.stickiness.ctl.activity": "활성으로 볼 이벤트",
        "explain.stickiness.num.month": "월",
        "explain.stickiness.num.mean_dau": "평균 DAU",
        "explain.stickiness.num.mau": "MAU(최근 {window}일)",
        "explain.stickiness.num.stickiness": "DAU/MAU",
        "explain.stickiness.formula": "DAU/MAU = {dau} ÷ {mau} = {ratio} ({window}일 기준)",
        "explain.stickiness.why.window": (
            "기간이 짧으면 월간 활성 사용자로 세는 사람이 줄어 같은 사용도 더 끈끈해 보입니다."
        ),
        "explain.stickiness.why.activity": (
            "활성 정의를 엄격하게 하면 DAU와 MAU가 함께 줄지만 같은 비율로 줄지는 않습니다."
        ),
        "explain.stickiness.start": "{month}: {window}일 기준 DAU/MAU {ratio}.",
        "explain.stickiness.axis.dau": "DAU",
        "explain.stickiness.axis.mau": "기간 내 활성 사용자(MAU)",
        "explain.stickiness.axis.users": "사용자 수",
        "explain.health.title": "헬스 스코어 가중치",
        "explain.health.caption": (
            "점수 = Σ 가중치 × 지표 ÷ Σ 가중치(0–100, 빨강 ≤ 50, 노랑 ≤ 75, 초록). "
            "가중치를 바꾸면 계정 순위가 바뀌고, 백테스트는 점수가 나중에 이탈한 계정을 "
            "가려내는지 보여 줍니다."
        ),
        "explain.health.comp.frequency": "빈도(활성 일수)",
        "explain.health.comp.breadth": "폭(활성 좌석 비율)",
        "explain.health.comp.depth": "깊이(사용 기능 수)",
        "explain.health.comp.tickets": "적은 지원 티켓",
        "explain.health.comp.nps": "NPS 응답",
        "explain.health.comp.mrr_growth": "MRR 성장",
        "explain.health.num.accounts": "점수를 매긴 계정",
        "explain.health.num.churned": "{horizon}개월 내 이탈",
        "explain.health.num.auc": "AUC",
        "explain.health.num.churn_rate": "이탈률",
        "explain.health.num.at_risk": "위험도 상위 {n}개 계정",
        "explain.health.band.red": "빨강",
        "explain.health.band.yellow": "노랑",
        "explain.health.band.green": "초록",
        "explain.health.formula": "점수 = ({weights}) ÷ {total};  AUC = {auc}",
        "explain.health.why.rerank": "위험도 상위 {top}개에 {n}개 계정이 새로 들어왔습니다.",
        "explain.health.num.best": "대부분 계정에 있는 가장 좋은 단일 구성요소(AUC)",
        "explain.health.num.red_share": "빨강 등급 계정 비율",
        "explain.health.num.fitted": "과거 달로 맞추고 이후 달로 평가({months})",
        "explain.health.why.worse": (
            "그럴듯해 보이는 이 점수는 {best} 하나만 쓸 때(AUC {best_auc})보다 이탈 계정을 더 "
            "못 가려냅니다. 예측력 없는 신호에 준 가중치가 예측력 있는 신호를 희석합니다."
        ),
        "explain.health.why.ranked": (
            "이 구성요소들은 계정 간 순위라서 건강 상태와 상관없이 각 구성요소의 약 절반이 50 "
            "아래에 있습니다. 순위로 만든 점수에는 항상 빨강 비율이 생깁니다."
        ),
        "explain.health.start": (
            "{snapshot} 시점 점수를 이후 {horizon}개월의 이탈과 비교: AUC {auc}"
            "(0.5 = 동전 던지기)."
        ),
        "explain.health.axis.score": "헬스 스코어",
        "explain.health.axis.at_risk": "최저 점수 계정(빨강 = 이후 이탈)",
        "training.correct": "정답입니다! {explanation}",
        "training.wrong": "아직 아닙니다. 입력한 답: {answer}. 힌트: {hint}",
        "training.not_number": "입력한 답 {answer}은(는) 텍스트입니다. 숫자로 답하세요(예: '0.05'가 아니라 0.05).",
        "training.trap": "입력한 답 {answer}: {why} 힌트: {hint}",
        "training.churn-1.trap.average": "기초와 기말 고객의 평균으로 나눈 이탈률이지, 기초 고객으로 나눈 이탈률이 아닙니다.",
        "training.churn-1.trap.start_plus_new": "기초 고객과 신규 고객의 합으로 나눈 이탈률이지, 기초 고객으로 나눈 이탈률이 아닙니다.",
        "training.no_answer": "아직 답이 없습니다. None 자리에 답을 쓰고 셀을 다시 실행하세요.",
        "training.percent": (
            "입력한 답 {answer}은(는) 백분율로 보입니다. cskit은 비율을 소수로 씁니다(5% = 0.05)."
        ),
        "training.unknown": "{exercise!r} 연습 문제는 없습니다. cskit.training.exercises()를 보세요.",
        "training.col.exercise": "연습 문제",
        "training.col.kpi": "KPI",
        "training.col.question": "질문",
        "training.nps-1.q": "추천 고객 40명, 중립 고객 30명, 비추천 고객 30명이 응답했습니다. NPS(점)는?",
        "training.nps-1.h": "추천 고객 % − 비추천 고객 %, −100 ~ 100 척도.",
        "training.nps-1.e": "40% − 30% = 10점. 중립 고객은 비율을 희석할 뿐입니다.",
        "training.nps-2.q": "NPS에서 같은 것으로 세는 두 응답은? 'a' 0과 6, 'b' 6과 7, 'c' 8과 9",
        "training.nps-2.h": "비추천 0–6점, 중립 7–8점, 추천 9–10점.",
        "training.nps-2.e": "0과 6은 모두 비추천 고객입니다. 6과 7, 8과 9는 경계를 넘습니다.",
        "training.churn-1.q": (
            "샘플 회사의 2026년 10월 고객 이탈률(분모: 기초 고객 수)은? 소수 넷째 자리까지 답하세요(예: 0.0312)."
        ),
        "training.churn-1.h": "company.mrr.cs.churn(period='M')에서 2026-10 행의 churn.",
        "training.churn-1.e": "이탈한 기초 고객 ÷ 10월 초 고객 수.",
        "training.churn-2.q": (
            "같은 데이터에서 이탈률이 가장 낮은 분모는? 'start', 'average', 'start_plus_new'"
        ),
        "training.churn-2.h": "분모가 클수록 비율은 작아집니다.",
        "training.churn-2.e": "기초 + 신규가 가장 큰 분모이므로 이탈률이 가장 낮습니다.",
        "training.mrr-1.q": (
            "기초 MRR 10,000, 신규 500, 확장 300, 축소 200, 이탈 400, 재활성화 100. 기말 MRR은?"
        ),
        "training.mrr-1.h": "기초 + 신규 + 확장 − 축소 − 이탈 + 재활성화.",
        "training.mrr-1.e": "10,000 + 500 + 300 − 200 − 400 + 100 = 10,300.",
        "training.retention-1.q": "기초 MRR 100, 확장 10, 축소 10, 이탈 10. GRR(소수)은?",
        "training.retention-1.h": "GRR은 확장을 빼고 계산: (기초 − 축소 − 이탈) ÷ 기초.",
        "training.retention-1.e": "(100 − 10 − 10) ÷ 100 = 0.8. NRR은 0.9입니다.",
        "training.ltv-1.q": "월 ARPA 100, 월 이탈률 5%, 이익률 미적용. LTV는?",
        "training.ltv-1.h": "ARPA ÷ 월 이탈률.",
        "training.ltv-1.e": "100 ÷ 0.05 = 2,000(기대 수명 20개월).",
        "training.ltv-2.q": "월 이탈률이 4%에서 2%로 절반이 되면 LTV는 몇 배가 됩니까?",
        "training.ltv-2.h": "LTV는 1 ÷ 이탈률에 비례합니다.",
        "training.ltv-2.e": "1 ÷ 0.02는 1 ÷ 0.04의 두 배: LTV가 두 배가 됩니다.",
        "training.csat-1.q": "CSAT 응답 10건: 3, 3, 3, 3, 4, 4, 4, 5, 5, 5. 상위 2박스 비율은?",
        "training.csat-1.h": "4점과 5점 응답 ÷ 전체 응답.",
        "training.csat-1.e": "10건 중 6건이 4점 또는 5점: 0.6(평균은 3.9).",
        "training.fcr-1.q": (
            "해결된 티켓 120건 중 상담원 답변 1회가 84건, 그중 6건이 재오픈되었습니다. "
            "'재오픈은 1차 해결이 아님' 기준 FCR은?"
        ),
        "training.fcr-1.h": "(답변 1회 티켓 − 재오픈 티켓) ÷ 해결된 티켓.",
        "training.fcr-1.e": "(84 − 6) ÷ 120 = 0.65.",
        "training.stickiness-1.q": (
            "일주일간 DAU: 10, 1, 1, 1, 1, 1, 1, MAU는 10. 평균 DAU ÷ MAU(소수 셋째 자리)는?"
        ),
        "training.stickiness-1.h": "평균 DAU = 16 ÷ 7.",
        "training.stickiness-1.e": "16 ÷ 7 ÷ 10 = 0.229.",
        "training.health-1.q": (
            "가중치가 같은 지표 10개: 좋음(100) 5개, 보통(60) 3개, 나쁨(40) 2개. 헬스 스코어는?"
        ),
        "training.health-1.h": "Σ 가중치 × 점수 ÷ Σ 가중치.",
        "training.health-1.e": "(500 + 180 + 80) ÷ 10 = 76: 초록.",
    },
    "ja": {
        "explain.undefined": "—",
        "explain.none": "（なし）",
        "explain.what_moved": "変化：",
        "explain.moved.changed": "{control}：{old} → {new}；{metric}：{before} → {after}。",
        "explain.moved.same": "{control}：{old} → {new}；{metric}は{after}のままです。",
        "explain.static_note": (
            "既定の状態の静的表示です（ウィジェットのフロントエンドなし）。入力を動かすには "
            "JupyterLab でノートブックを開くか、cskit.explain.set_mode('widget') を実行してください。"
        ),
        "explain.nps.caption": (
            "推奨者（9–10）、中立者（7–8）、批判者（0–6）の人数を動かしてみましょう。"
            "NPS は点数ではなくグループを数えます。0 点と 6 点は同じ重みです。"
        ),
        "explain.nps.ctl.promoters": "推奨者（9–10）",
        "explain.nps.ctl.passives": "中立者（7–8）",
        "explain.nps.ctl.detractors": "批判者（0–6）",
        "explain.nps.ctl.detractor_answer": "批判者全員の回答",
        "explain.nps.ctl.level": "信頼水準",
        "explain.nps.opt.as_answered": "実際の回答どおり",
        "explain.nps.num.n": "回答数",
        "explain.nps.num.promoters": "推奨者",
        "explain.nps.num.passives": "中立者",
        "explain.nps.num.detractors": "批判者",
        "explain.nps.num.nps": "NPS",
        "explain.nps.num.interval": "{level:.0%}信頼区間",
        "explain.nps.num.mean_score": "平均点（0–10）",
        "explain.nps.formula": "NPS = 推奨者の割合 − 批判者の割合 = {p} − {d} = {nps}",
        "explain.nps.why.same_group": (
            "平均点は {before} から {after} に変わりましたが、NPS は動きません。"
            "0 点から 6 点の回答はすべて批判者 1 人と数えます。"
        ),
        "explain.nps.why.interval": "回答が {n} 件だと信頼区間は ±{half} ポイントです。",
        "explain.nps.start": (
            "{month}：回答 {n} 件で NPS {nps}（信頼区間 {low}〜{high}）。"
            "スライダーを動かして、何が NPS を変えるか確かめましょう。"
        ),
        "explain.nps.axis.score": "回答（0–10）",
        "explain.nps.axis.answers": "回答数",
        "explain.nps.axis.mean": "平均 {mean}",
        "explain.churn.caption": (
            "同じ顧客、3 つの分母：÷ 期首の顧客数、÷ 期首と期末の平均、÷ 期首 + 新規。"
            "何を解約と数えるかを切り替えると、3 つすべてが動きます。"
        ),
        "explain.churn.ctl.period": "期間",
        "explain.churn.ctl.join_and_churn": "期間内に契約して解約",
        "explain.churn.ctl.reactivated": "解約後、期末までに復帰",
        "explain.churn.opt.month": "月",
        "explain.churn.opt.quarter": "四半期",
        "explain.churn.opt.year": "年",
        "explain.churn.opt.exclude": "除外",
        "explain.churn.opt.count": "解約に数える",
        "explain.churn.opt.keep": "解約に数える",
        "explain.churn.opt.net": "相殺する",
        "explain.churn.num.period": "期間",
        "explain.churn.num.start": "期首の顧客数",
        "explain.churn.num.new": "新規顧客数",
        "explain.churn.num.end": "期末の顧客数",
        "explain.churn.num.churned": "解約顧客数",
        "explain.churn.num.rate_start": "解約率（÷ 期首）",
        "explain.churn.formula": (
            "{churned} ÷ {start} = {r1}；{churned} ÷ {average} = {r2}；"
            "{churned} ÷ {start_plus_new} = {r3}"
        ),
        "explain.churn.why.join": "期間内に契約して解約した {n} 社だけが変わります。",
        "explain.churn.why.return": "解約した顧客のうち {n} 社が期末までに戻りました。",
        "explain.churn.why.none": (
            "期間内に該当する顧客がいないため、変化はありません（1 か月の中で両方が起こることはありません）。"
        ),
        "explain.churn.why.period": (
            "期間が長いほど新規顧客が増え、分母の差が開きます（最高と最低の解約率の差は {spread}）。"
        ),
        "explain.churn.start": (
            "{period}：解約 {churned} 社。分母を変えるだけで解約率は {low} から {high} の間です。"
        ),
        "explain.mrr.title": "MRR の内訳",
        "explain.mrr.caption": (
            "1 か月を組み立てましょう：期首 + 新規 + 拡大 − 縮小 − 解約 + 再開 = 期末。"
            "解約後に戻った顧客は新規ではなく再開です。"
        ),
        "explain.mrr.num.end": "期末MRR",
        "explain.mrr.num.net_new": "ネット新規MRR",
        "explain.mrr.num.growth": "MRR 成長率",
        "explain.mrr.num.gross_churn": "グロス収益チャーン率",
        "explain.mrr.num.net_churn": "ネット収益チャーン率",
        "explain.mrr.num.quick_ratio": "クイックレシオ",
        "explain.mrr.formula": (
            "{start} + {new} + {expansion} − {contraction} − {churn} + {reactivation} = {end}"
        ),
        "explain.mrr.why.reactivation": "再開は一度解約した顧客からの収益で、新規ではありません。",
        "explain.mrr.why.net_churn": (
            "拡大はネット収益チャーン率で損失を相殺し（{before} → {after}）、"
            "マイナスにもなり得ます。"
        ),
        "explain.mrr.start": "{month}：MRR は {start} から {end} になりました（{net_new}）。",
        "explain.retention.title": "NRR と GRR",
        "explain.retention.caption": (
            "{window} か月前に支払っていた顧客が今いくら支払っているか。拡大は NRR を上げますが "
            "GRR は決して上げず、新規顧客はどちらにも入りません。"
        ),
        "explain.retention.num.start": "コホートの期首MRR",
        "explain.retention.num.nrr": "NRR（ネット売上維持率）",
        "explain.retention.num.grr": "GRR（グロス売上維持率）",
        "explain.retention.num.new": "新規顧客のMRR",
        "explain.retention.num.end": "全顧客の期末MRR",
        "explain.retention.formula": (
            "NRR = ({start} + {expansion} − {contraction} − {churn}) ÷ {start} = {nrr}；"
            "GRR = ({start} − {contraction} − {churn}) ÷ {start} = {grr}"
        ),
        "explain.retention.why.new": (
            "新規顧客は期末MRRを変えるだけで、維持率は変えません。NRR と GRR はコホートだけを見ます。"
        ),
        "explain.retention.why.expansion": (
            "GRR は {grr} のままです。拡大を含めないので 100% を超えることはありません。"
        ),
        "explain.retention.start": "{month} までの {window} か月：NRR {nrr}、GRR {grr}。",
        "explain.retention.axis.retained": "維持（縮小・解約の後）",
        "explain.retention.axis.share_of_start": "期首MRRに対する割合",
        "explain.ltv.title": "顧客生涯価値（LTV）",
        "explain.ltv.caption": (
            "LTV = ARPA × 粗利率 ÷ 解約率（すべて月次）。1 ÷ 解約率は平均顧客寿命なので、"
            "解約率が 0 に近づくほど LTV は際限なく大きくなります。"
        ),
        "explain.ltv.ctl.arpa": "ARPA（顧客あたり月次平均売上）",
        "explain.ltv.ctl.churn": "月次解約率",
        "explain.ltv.ctl.margin": "粗利率",
        "explain.ltv.num.lifetime": "平均顧客寿命（月）",
        "explain.ltv.num.ltv": "LTV",
        "explain.ltv.formula": "LTV = {arpa} × {margin} ÷ {churn} = {ltv}",
        "explain.ltv.why.zero": (
            "解約率 0 では LTV は定義できません（寿命が無限）。過去の平均解約率を使いましょう。"
        ),
        "explain.ltv.why.explodes": (
            "解約率が低いほど影響は大きくなります。解約率を半分の {half} にすると LTV は "
            "{double} と 2 倍になります。"
        ),
        "explain.ltv.start": "{month}：ARPA {arpa}、直近 12 か月の平均解約率 {churn} → LTV {ltv}。",
        "explain.ltv.axis.undefined": "解約率 = 0：LTV は定義できない",
        "explain.scales.title": "{survey}：トップボックス比率と平均",
        "explain.scales.caption": (
            "同じ回答、2 つの要約：トップボックスに入った回答の割合、または平均点。"
            "中間の回答を両端に動かすと、平均はそのままで割合だけが動きます。"
        ),
        "explain.scales.name.csat": "顧客満足度 CSAT（1–5）",
        "explain.scales.name.ces": "カスタマーエフォートスコア CES（1–7）",
        "explain.scales.ctl.threshold": "肯定とみなす最低の回答",
        "explain.scales.ctl.polarise": "両端に動かした中間の回答（組）",
        "explain.scales.ctl.inverted": "1 が最良の回答として保存されている",
        "explain.scales.opt.no": "いいえ",
        "explain.scales.opt.yes": "はい（そのまま読む）",
        "explain.scales.num.survey": "アンケート",
        "explain.scales.num.period": "回答期間",
        "explain.scales.num.n": "回答数",
        "explain.scales.num.top_box_band": "トップボックス比率（{band}）",
        "explain.scales.num.top_box": "トップボックス比率",
        "explain.scales.num.mean": "平均点",
        "explain.scales.formula": "{band} の回答：{positive} ÷ {n} = {share}；平均 = {mean}",
        "explain.scales.why.polarise": (
            "上がった回答と下がった回答が同数なので、平均は {mean} のままです。"
            "トップボックス比率と平均は比較できません。"
        ),
        "explain.scales.why.inverted": (
            "逆転尺度を逆に読むと「簡単」が「難しい」になります。比較の前に尺度を確認しましょう。"
        ),
        "explain.scales.start": (
            "{survey}：回答 {n} 件のうち {share} が {band}、平均は {top} 点中 {mean} 点です。"
        ),
        "explain.scales.axis.score": "回答",
        "explain.scales.axis.answers": "回答数",
        "explain.scales.axis.mean": "平均 {mean}",
        "explain.fcr.title": "一次解決率（FCR）",
        "explain.fcr.caption": (
            "FCR = 最初のやり取りで解決したチケット ÷ チケット。下の定義の一つ一つが率を変えます。"
            "どの定義を使ったかを明記しましょう。"
        ),
        "explain.fcr.ctl.max_replies": "担当者の返信回数の上限",
        "explain.fcr.ctl.exclude_reopened": "再オープンしたチケットは一次解決ではない",
        "explain.fcr.ctl.exclude_spam": "スパム・途中切断を除く",
        "explain.fcr.ctl.denominator": "分母",
        "explain.fcr.ctl.channel": "チャネル",
        "explain.fcr.opt.yes": "はい",
        "explain.fcr.opt.no": "いいえ",
        "explain.fcr.opt.resolved": "解決済みチケット",
        "explain.fcr.opt.all": "全チケット",
        "explain.fcr.opt.all_channels": "全チャネル",
        "explain.fcr.num.period": "チケット作成期間",
        "explain.fcr.num.tickets": "チケット数",
        "explain.fcr.num.denominator": "分母",
        "explain.fcr.num.qualifying": "一次解決したチケット",
        "explain.fcr.num.fcr": "FCR",
        "explain.fcr.formula": "FCR = {qualifying} ÷ {denominator} = {fcr}",
        "explain.fcr.why.max_replies": (
            "返信回数の上限を上げると「最初のやり取り」の基準が緩くなり、対象のチケットが増えます。"
        ),
        "explain.fcr.why.exclude_reopened": "再オープンしたチケットは最初に解決したとは言えません。",
        "explain.fcr.why.exclude_spam": "スパムは対応なしで閉じられます。含めると FCR が歪みます。",
        "explain.fcr.why.denominator": "全チケットで割ると、まだ未解決のチケットも分母に入ります。",
        "explain.fcr.start": "{period}：既定の定義で {n} 件のチケットの FCR は {fcr} です。",
        "explain.fcr.step.tickets": "全チケット",
        "explain.fcr.step.eligible": "スパムを除く",
        "explain.fcr.step.resolved": "解決済み",
        "explain.fcr.step.few_replies": "返信回数の上限以内",
        "explain.fcr.step.qualifying": "一次解決",
        "explain.fcr.axis.tickets": "チケット数",
        "explain.stickiness.title": "スティッキネス（DAU/MAU）",
        "explain.stickiness.caption": (
            "月平均 DAU ÷ MAU。まず「アクティブ」（どのイベントを数えるか）と MAU の期間を決めましょう。"
            "行動が同じでも、どちらも比率を変えます。"
        ),
        "explain.stickiness.ctl.window": "MAU の期間（日）",
        "explain.stickiness.ctl.activity": "アクティブとみなすイベント",
        "explain.stickiness.num.month": "月",
        "explain.stickiness.num.mean_dau": "平均 DAU",
        "explain.stickiness.num.mau": "MAU（直近 {window} 日）",
        "explain.stickiness.num.stickiness": "DAU/MAU",
        "explain.stickiness.formula": "DAU/MAU = {dau} ÷ {mau} = {ratio}（{window} 日間）",
        "explain.stickiness.why.window": (
            "期間が短いと月間アクティブとして数える人が減り、同じ利用でも粘着度が高く見えます。"
        ),
        "explain.stickiness.why.activity": (
            "アクティブの定義を厳しくすると DAU と MAU がともに減りますが、同じ割合ではありません。"
        ),
        "explain.stickiness.start": "{month}：{window} 日間で DAU/MAU {ratio}。",
        "explain.stickiness.axis.dau": "DAU",
        "explain.stickiness.axis.mau": "期間内のアクティブユーザー（MAU）",
        "explain.stickiness.axis.users": "ユーザー数",
        "explain.health.title": "ヘルススコアの重み",
        "explain.health.caption": (
            "スコア = Σ 重み × 指標 ÷ Σ 重み（0–100；赤 ≤ 50、黄 ≤ 75、緑）。"
            "重みを変えるとアカウントの順位が変わり、バックテストはスコアが後に解約した"
            "アカウントを見分けられるかを示します。"
        ),
        "explain.health.comp.frequency": "頻度（アクティブ日数）",
        "explain.health.comp.breadth": "幅（アクティブなシート）",
        "explain.health.comp.depth": "深さ（利用機能数）",
        "explain.health.comp.tickets": "サポートチケットの少なさ",
        "explain.health.comp.nps": "NPS の回答",
        "explain.health.comp.mrr_growth": "MRR の成長",
        "explain.health.num.accounts": "スコアを付けたアカウント",
        "explain.health.num.churned": "{horizon} か月以内に解約",
        "explain.health.num.auc": "AUC",
        "explain.health.num.churn_rate": "解約率",
        "explain.health.num.at_risk": "リスクの高い上位 {n} 社",
        "explain.health.band.red": "赤",
        "explain.health.band.yellow": "黄",
        "explain.health.band.green": "緑",
        "explain.health.formula": "スコア = ({weights}) ÷ {total}；AUC = {auc}",
        "explain.health.why.rerank": "リスク上位 {top} 社に {n} 社が新たに入りました。",
        "explain.health.num.best": "大半のアカウントにある最も良い単一の構成要素（AUC）",
        "explain.health.num.red_share": "赤のアカウントの割合",
        "explain.health.num.fitted": "過去の月で当てはめ、後の月で評価（{months}）",
        "explain.health.why.worse": (
            "もっともらしく見えるこのスコアは、{best}だけ（AUC {best_auc}）よりも解約を見分け"
            "られません。予測しない信号への重みが、予測する信号を薄めています。"
        ),
        "explain.health.why.ranked": (
            "これらの構成要素はアカウント間の順位なので、健全さに関係なく各構成要素の約半分が"
            "50未満です。順位で作ったスコアには常に赤の割合があります。"
        ),
        "explain.health.start": (
            "{snapshot} 時点のスコアをその後 {horizon} か月の解約と比較：AUC {auc}"
            "（0.5 = コイン投げ）。"
        ),
        "explain.health.axis.score": "ヘルススコア",
        "explain.health.axis.at_risk": "スコアの低いアカウント（赤 = 後に解約）",
        "training.correct": "正解です！ {explanation}",
        "training.wrong": "まだです。あなたの回答：{answer}。ヒント：{hint}",
        "training.not_number": "回答 {answer} は文字列です。数値で答えてください（'0.05' ではなく 0.05）。",
        "training.trap": "回答 {answer}：{why}ヒント：{hint}",
        "training.churn-1.trap.average": "これは期首と期末の顧客数の平均で割った解約率で、期首の顧客数で割った解約率ではありません。",
        "training.churn-1.trap.start_plus_new": "これは期首と新規の顧客数の合計で割った解約率で、期首の顧客数で割った解約率ではありません。",
        "training.no_answer": "まだ回答がありません。None の代わりに答えを書いて、セルをもう一度実行してください。",
        "training.percent": (
            "回答 {answer} はパーセントのようです。cskit では率を小数で書きます（5% = 0.05）。"
        ),
        "training.unknown": "演習 {exercise!r} はありません。cskit.training.exercises() を見てください。",
        "training.col.exercise": "演習",
        "training.col.kpi": "KPI",
        "training.col.question": "問題",
        "training.nps-1.q": "推奨者 40 人、中立者 30 人、批判者 30 人が回答しました。NPS（ポイント）は？",
        "training.nps-1.h": "推奨者の割合 − 批判者の割合、−100〜100 の尺度。",
        "training.nps-1.e": "40% − 30% = 10 ポイント。中立者は割合を薄めるだけです。",
        "training.nps-2.q": "NPS で同じに数える 2 つの回答は？ 'a' 0 と 6、'b' 6 と 7、'c' 8 と 9",
        "training.nps-2.h": "批判者は 0–6、中立者は 7–8、推奨者は 9–10。",
        "training.nps-2.e": "0 と 6 はどちらも批判者です。6 と 7、8 と 9 は境界をまたぎます。",
        "training.churn-1.q": (
            "サンプル企業の 2026 年 10 月の顧客解約率（分母：期首の顧客数）は？ "
            "小数第 4 位まで答えてください（例：0.0312）。"
        ),
        "training.churn-1.h": "company.mrr.cs.churn(period='M') の 2026-10 の行の churn。",
        "training.churn-1.e": "解約した期首の顧客 ÷ 10 月初めの顧客数。",
        "training.churn-2.q": (
            "同じデータで解約率が最も低くなる分母は？ 'start'、'average'、'start_plus_new'"
        ),
        "training.churn-2.h": "分母が大きいほど率は小さくなります。",
        "training.churn-2.e": "期首 + 新規が最大の分母なので、解約率は最も低くなります。",
        "training.mrr-1.q": (
            "期首MRR 10,000、新規 500、拡大 300、縮小 200、解約 400、再開 100。期末MRRは？"
        ),
        "training.mrr-1.h": "期首 + 新規 + 拡大 − 縮小 − 解約 + 再開。",
        "training.mrr-1.e": "10,000 + 500 + 300 − 200 − 400 + 100 = 10,300。",
        "training.retention-1.q": "期首MRR 100、拡大 10、縮小 10、解約 10。GRR（小数）は？",
        "training.retention-1.h": "GRR は拡大を除きます：（期首 − 縮小 − 解約）÷ 期首。",
        "training.retention-1.e": "（100 − 10 − 10）÷ 100 = 0.8。NRR なら 0.9 です。",
        "training.ltv-1.q": "月次 ARPA 100、月次解約率 5%、粗利率なし。LTV は？",
        "training.ltv-1.h": "ARPA ÷ 月次解約率。",
        "training.ltv-1.e": "100 ÷ 0.05 = 2,000（平均寿命 20 か月）。",
        "training.ltv-2.q": "月次解約率が 4% から 2% に半減すると、LTV は何倍になりますか？",
        "training.ltv-2.h": "LTV は 1 ÷ 解約率に比例します。",
        "training.ltv-2.e": "1 ÷ 0.02 は 1 ÷ 0.04 の 2 倍：LTV は 2 倍になります。",
        "training.csat-1.q": "CSAT の回答 10 件：3、3、3、3、4、4、4、5、5、5。トップ 2 ボックス比率は？",
        "training.csat-1.h": "4 と 5 の回答 ÷ 全回答。",
        "training.csat-1.e": "10 件中 6 件が 4 か 5：0.6（平均は 3.9）。",
        "training.fcr-1.q": (
            "解決済みチケット 120 件のうち担当者の返信 1 回が 84 件、そのうち 6 件が再オープン。"
            "「再オープンは一次解決ではない」とした FCR は？"
        ),
        "training.fcr-1.h": "（返信 1 回のチケット − 再オープン）÷ 解決済みチケット。",
        "training.fcr-1.e": "（84 − 6）÷ 120 = 0.65。",
        "training.stickiness-1.q": (
            "1 週間の DAU：10、1、1、1、1、1、1、MAU は 10。平均 DAU ÷ MAU（小数第 3 位まで）は？"
        ),
        "training.stickiness-1.h": "平均 DAU = 16 ÷ 7。",
        "training.stickiness-1.e": "16 ÷ 7 ÷ 10 = 0.229。",
        "training.health-1.q": (
            "重みが等しい 10 指標：良い（100）5 つ、普通（60）3 つ、悪い（40）2 つ。ヘルススコアは？"
        ),
        "training.health-1.h": "Σ 重み × スコア ÷ Σ 重み。",
        "training.health-1.e": "（500 + 180 + 80）÷ 10 = 76：緑。",
    },
    "zh-Hant": {
        "explain.undefined": "—",
        "explain.none": "（無）",
        "explain.what_moved": "變化：",
        "explain.moved.changed": "{control}：{old} → {new}；{metric}：{before} → {after}。",
        "explain.moved.same": "{control}：{old} → {new}；{metric}維持在 {after}。",
        "explain.static_note": (
            "預設狀態的靜態畫面（沒有小工具前端）。若要移動輸入值，請在 JupyterLab 開啟筆記本，"
            "或呼叫 cskit.explain.set_mode('widget')。"
        ),
        "explain.nps.caption": (
            "調整推薦者（9–10 分）、中立者（7–8 分）與貶損者（0–6 分）的人數。"
            "NPS 計算的是群組而不是分數：0 分和 6 分的份量相同。"
        ),
        "explain.nps.ctl.promoters": "推薦者（9–10 分）",
        "explain.nps.ctl.passives": "中立者（7–8 分）",
        "explain.nps.ctl.detractors": "貶損者（0–6 分）",
        "explain.nps.ctl.detractor_answer": "所有貶損者的回答",
        "explain.nps.ctl.level": "信賴水準",
        "explain.nps.opt.as_answered": "依實際回答",
        "explain.nps.num.n": "回答數",
        "explain.nps.num.promoters": "推薦者",
        "explain.nps.num.passives": "中立者",
        "explain.nps.num.detractors": "貶損者",
        "explain.nps.num.nps": "NPS",
        "explain.nps.num.interval": "{level:.0%} 信賴區間",
        "explain.nps.num.mean_score": "平均分數（0–10）",
        "explain.nps.formula": "NPS = 推薦者 % − 貶損者 % = {p} − {d} = {nps}",
        "explain.nps.why.same_group": (
            "平均分數從 {before} 變成 {after}，NPS 卻沒有變：0 到 6 分的回答都算作一位貶損者。"
        ),
        "explain.nps.why.interval": "有 {n} 筆回答時，信賴區間為 ±{half} 分。",
        "explain.nps.start": (
            "{month}：{n} 筆回答，NPS {nps}（信賴區間 {low} 至 {high}）。移動滑桿，看看什麼會改變 NPS。"
        ),
        "explain.nps.axis.score": "回答（0–10 分）",
        "explain.nps.axis.answers": "回答數",
        "explain.nps.axis.mean": "平均 {mean}",
        "explain.churn.caption": (
            "同一批客戶，三種分母：÷ 期初客戶數、÷ 期初與期末平均、÷ 期初 + 新增。"
            "切換流失的認定方式，三個數字都會跟著變。"
        ),
        "explain.churn.ctl.period": "期間",
        "explain.churn.ctl.join_and_churn": "期間內加入又流失",
        "explain.churn.ctl.reactivated": "流失後於期末前回流",
        "explain.churn.opt.month": "月",
        "explain.churn.opt.quarter": "季",
        "explain.churn.opt.year": "年",
        "explain.churn.opt.exclude": "排除",
        "explain.churn.opt.count": "算作流失",
        "explain.churn.opt.keep": "算作流失",
        "explain.churn.opt.net": "抵銷",
        "explain.churn.num.period": "期間",
        "explain.churn.num.start": "期初客戶數",
        "explain.churn.num.new": "新增客戶數",
        "explain.churn.num.end": "期末客戶數",
        "explain.churn.num.churned": "流失客戶數",
        "explain.churn.num.rate_start": "流失率（÷ 期初）",
        "explain.churn.formula": (
            "{churned} ÷ {start} = {r1}；{churned} ÷ {average} = {r2}；"
            "{churned} ÷ {start_plus_new} = {r3}"
        ),
        "explain.churn.why.join": "只有期間內加入又流失的 {n} 位客戶會改變。",
        "explain.churn.why.return": "流失的客戶中有 {n} 位在期末前回流。",
        "explain.churn.why.none": "期間內沒有這樣的客戶，所以沒有變化（單一月份內兩者不可能同時發生）。",
        "explain.churn.why.period": (
            "期間越長，新增客戶越多，分母之間的差距越大（目前最高與最低流失率相差 {spread}）。"
        ),
        "explain.churn.start": (
            "{period}：流失 {churned} 位客戶；只換分母，流失率就落在 {low} 到 {high} 之間。"
        ),
        "explain.mrr.title": "MRR 變動",
        "explain.mrr.caption": (
            "組出一個月：期初 + 新增 + 擴充 − 縮減 − 流失 + 回流 = 期末。"
            "流失後又回來的客戶是回流，不是新增。"
        ),
        "explain.mrr.num.end": "期末MRR",
        "explain.mrr.num.net_new": "淨新增 MRR",
        "explain.mrr.num.growth": "MRR 成長率",
        "explain.mrr.num.gross_churn": "總收入流失率",
        "explain.mrr.num.net_churn": "淨收入流失率",
        "explain.mrr.num.quick_ratio": "快速比率",
        "explain.mrr.formula": (
            "{start} + {new} + {expansion} − {contraction} − {churn} + {reactivation} = {end}"
        ),
        "explain.mrr.why.reactivation": "回流是曾經流失的客戶帶來的收入，不是新業務。",
        "explain.mrr.why.net_churn": (
            "擴充會在淨收入流失率中抵銷損失（{before} → {after}），淨收入流失率可以低於零。"
        ),
        "explain.mrr.start": "{month}：MRR 從 {start} 變成 {end}（{net_new}）。",
        "explain.retention.title": "NRR 與 GRR",
        "explain.retention.caption": (
            "{window} 個月前付費的客戶，現在付多少。擴充會提高 NRR，但永遠不會提高 GRR；"
            "新客戶兩者都不計入。"
        ),
        "explain.retention.num.start": "同期群的期初 MRR",
        "explain.retention.num.nrr": "NRR（淨收入留存率）",
        "explain.retention.num.grr": "GRR（總收入留存率）",
        "explain.retention.num.new": "新客戶 MRR",
        "explain.retention.num.end": "全部客戶期末 MRR",
        "explain.retention.formula": (
            "NRR = ({start} + {expansion} − {contraction} − {churn}) ÷ {start} = {nrr}；"
            "GRR = ({start} − {contraction} − {churn}) ÷ {start} = {grr}"
        ),
        "explain.retention.why.new": (
            "新客戶只改變期末 MRR，不改變留存率：NRR 與 GRR 只看這個同期群。"
        ),
        "explain.retention.why.expansion": "GRR 維持 {grr}：它不計擴充，永遠不會超過 100%。",
        "explain.retention.start": "截至 {month} 的 {window} 個月：NRR {nrr}，GRR {grr}。",
        "explain.retention.axis.retained": "留存（扣除縮減與流失）",
        "explain.retention.axis.share_of_start": "占期初 MRR 的比例",
        "explain.ltv.title": "客戶終身價值（LTV）",
        "explain.ltv.caption": (
            "LTV = ARPA × 毛利率 ÷ 流失率（皆為每月）。1 ÷ 流失率是預期客戶壽命："
            "流失率越接近 0，LTV 就無限變大。"
        ),
        "explain.ltv.ctl.arpa": "ARPA（每帳戶每月平均收入）",
        "explain.ltv.ctl.churn": "每月流失率",
        "explain.ltv.ctl.margin": "毛利率",
        "explain.ltv.num.lifetime": "預期客戶壽命（月）",
        "explain.ltv.num.ltv": "LTV",
        "explain.ltv.formula": "LTV = {arpa} × {margin} ÷ {churn} = {ltv}",
        "explain.ltv.why.zero": "流失率為 0 時 LTV 沒有定義（壽命無限）：請使用過去的平均流失率。",
        "explain.ltv.why.explodes": (
            "流失率越低，每一步的影響越大：流失率減半到 {half}，LTV 會加倍到 {double}。"
        ),
        "explain.ltv.start": "{month}：ARPA {arpa}、近 12 個月平均流失率 {churn} → LTV {ltv}。",
        "explain.ltv.axis.undefined": "流失率 = 0：LTV 無定義",
        "explain.scales.title": "{survey}：Top-box 比例與平均",
        "explain.scales.caption": (
            "同樣的回答，兩種摘要：落在最高分區（Top-box）的回答比例，或平均分數。"
            "把中間的回答移到兩端：平均不變，比例卻會變。"
        ),
        "explain.scales.name.csat": "客戶滿意度 CSAT（1–5）",
        "explain.scales.name.ces": "客戶費力度 CES（1–7）",
        "explain.scales.ctl.threshold": "視為正面的最低分",
        "explain.scales.ctl.polarise": "移到兩端的中間回答（對）",
        "explain.scales.ctl.inverted": "問卷把 1 存為最好的回答",
        "explain.scales.opt.no": "否",
        "explain.scales.opt.yes": "是（照原樣讀）",
        "explain.scales.num.survey": "問卷",
        "explain.scales.num.period": "回答期間",
        "explain.scales.num.n": "回答數",
        "explain.scales.num.top_box_band": "Top-box 比例（{band} 分）",
        "explain.scales.num.top_box": "Top-box 比例",
        "explain.scales.num.mean": "平均分數",
        "explain.scales.formula": "{band} 分的回答：{positive} ÷ {n} = {share}；平均 = {mean}",
        "explain.scales.why.polarise": (
            "往上與往下的回答一樣多，平均維持 {mean}。Top-box 比例與平均不能互相比較。"
        ),
        "explain.scales.why.inverted": (
            "把反向量表讀反，「容易」就變成「困難」：比較之前先確認量表方向。"
        ),
        "explain.scales.start": (
            "{survey}：{n} 筆回答中有 {share} 回答 {band} 分，平均是 {top} 分中的 {mean} 分。"
        ),
        "explain.scales.axis.score": "回答分數",
        "explain.scales.axis.answers": "回答數",
        "explain.scales.axis.mean": "平均 {mean}",
        "explain.fcr.title": "首次聯絡解決率（FCR）",
        "explain.fcr.caption": (
            "FCR = 第一次聯絡就解決的工單 ÷ 工單。下面每一個定義問題都會改變比率："
            "請說明你的數字用了哪些定義。"
        ),
        "explain.fcr.ctl.max_replies": "客服回覆次數上限",
        "explain.fcr.ctl.exclude_reopened": "重新開啟的工單不算首次解決",
        "explain.fcr.ctl.exclude_spam": "排除垃圾訊息與中途斷線",
        "explain.fcr.ctl.denominator": "分母",
        "explain.fcr.ctl.channel": "管道",
        "explain.fcr.opt.yes": "是",
        "explain.fcr.opt.no": "否",
        "explain.fcr.opt.resolved": "已解決工單",
        "explain.fcr.opt.all": "全部工單",
        "explain.fcr.opt.all_channels": "全部管道",
        "explain.fcr.num.period": "工單建立期間",
        "explain.fcr.num.tickets": "工單數",
        "explain.fcr.num.denominator": "分母",
        "explain.fcr.num.qualifying": "首次聯絡即解決",
        "explain.fcr.num.fcr": "FCR",
        "explain.fcr.formula": "FCR = {qualifying} ÷ {denominator} = {fcr}",
        "explain.fcr.why.max_replies": "允許更多次回覆，「首次聯絡」的標準就變寬，符合的工單變多。",
        "explain.fcr.why.exclude_reopened": "必須重新開啟的工單，第一次並沒有真正解決。",
        "explain.fcr.why.exclude_spam": "垃圾訊息不經協助就關閉；計入會扭曲 FCR。",
        "explain.fcr.why.denominator": "以全部工單為分母，也會算入尚未解決的工單。",
        "explain.fcr.start": "{period}：以預設定義，{n} 張工單的 FCR 為 {fcr}。",
        "explain.fcr.step.tickets": "全部工單",
        "explain.fcr.step.eligible": "排除垃圾訊息",
        "explain.fcr.step.resolved": "已解決",
        "explain.fcr.step.few_replies": "在回覆次數上限內",
        "explain.fcr.step.qualifying": "首次聯絡即解決",
        "explain.fcr.axis.tickets": "工單數",
        "explain.stickiness.title": "黏著度（DAU/MAU）",
        "explain.stickiness.caption": (
            "當月平均 DAU ÷ MAU。先定義「活躍」（哪些事件算數）和 MAU 的期間："
            "即使行為不變，兩者都會改變比率。"
        ),
        "explain.stickiness.ctl.window": "MAU 期間（天）",
        "explain.stickiness.ctl.activity": "算作活躍的事件",
        "explain.stickiness.num.month": "月份",
        "explain.stickiness.num.mean_dau": "平均 DAU",
        "explain.stickiness.num.mau": "MAU（最近 {window} 天）",
        "explain.stickiness.num.stickiness": "DAU/MAU",
        "explain.stickiness.formula": "DAU/MAU = {dau} ÷ {mau} = {ratio}（{window} 天期間）",
        "explain.stickiness.why.window": "期間越短，算作月活躍的使用者越少，同樣的使用看起來更黏。",
        "explain.stickiness.why.activity": "活躍定義越嚴格，DAU 與 MAU 都會下降，但比例通常不同。",
        "explain.stickiness.start": "{month}：{window} 天期間的 DAU/MAU 為 {ratio}。",
        "explain.stickiness.axis.dau": "DAU",
        "explain.stickiness.axis.mau": "期間內活躍使用者（MAU）",
        "explain.stickiness.axis.users": "使用者數",
        "explain.health.title": "健康分數權重",
        "explain.health.caption": (
            "分數 = Σ 權重 × 指標 ÷ Σ 權重（0–100；紅 ≤ 50、黃 ≤ 75、綠）。"
            "調整權重，帳戶排名就會改變；回測顯示分數能否分辨之後流失的帳戶。"
        ),
        "explain.health.comp.frequency": "頻率（活躍天數）",
        "explain.health.comp.breadth": "廣度（活躍席次比例）",
        "explain.health.comp.depth": "深度（使用的功能）",
        "explain.health.comp.tickets": "客服工單少",
        "explain.health.comp.nps": "NPS 回答",
        "explain.health.comp.mrr_growth": "MRR 成長",
        "explain.health.num.accounts": "已評分帳戶",
        "explain.health.num.churned": "{horizon} 個月內流失",
        "explain.health.num.auc": "AUC",
        "explain.health.num.churn_rate": "流失率",
        "explain.health.num.at_risk": "風險最高的 {n} 個帳戶",
        "explain.health.band.red": "紅",
        "explain.health.band.yellow": "黃",
        "explain.health.band.green": "綠",
        "explain.health.formula": "分數 = ({weights}) ÷ {total}；AUC = {auc}",
        "explain.health.why.rerank": "有 {n} 個帳戶新進入風險最高的 {top} 名。",
        "explain.health.num.best": "多數帳戶都有的最佳單一組成項目（AUC）",
        "explain.health.num.red_share": "紅色帳戶比例",
        "explain.health.num.fitted": "以過去月份擬合、以之後月份評估（{months}）",
        "explain.health.why.worse": (
            "這個看似合理的分數，辨識流失帳戶的能力不如只用{best}（AUC {best_auc}）：給沒有"
            "預測力的訊號權重，會稀釋有預測力的訊號。"
        ),
        "explain.health.why.ranked": (
            "這些組成項目是帳戶之間的排名，無論健康與否，每個項目約有一半低於 50："
            "用排名做的分數永遠會有紅色比例。"
        ),
        "explain.health.start": (
            "以 {snapshot} 的分數對照之後 {horizon} 個月的流失：AUC {auc}（0.5 = 擲硬幣）。"
        ),
        "explain.health.axis.score": "健康分數",
        "explain.health.axis.at_risk": "分數最低的帳戶（紅 = 之後流失）",
        "training.correct": "答對了！{explanation}",
        "training.wrong": "還不對：你的答案是 {answer}。提示：{hint}",
        "training.not_number": "你的答案 {answer} 是文字：請用數字回答（例如 0.05，而不是 '0.05'）。",
        "training.trap": "你的答案是 {answer}：{why}提示：{hint}",
        "training.churn-1.trap.average": "這是除以期初與期末客戶平均數的流失率，不是除以期初客戶數的流失率。",
        "training.churn-1.trap.start_plus_new": "這是除以期初加新增客戶數的流失率，不是除以期初客戶數的流失率。",
        "training.no_answer": "還沒有答案。請把答案寫在 None 的位置，再執行一次這個儲存格。",
        "training.percent": "你的答案 {answer} 看起來是百分比。cskit 以小數表示比率（5% = 0.05）。",
        "training.unknown": "沒有練習 {exercise!r}；請看 cskit.training.exercises()。",
        "training.col.exercise": "練習",
        "training.col.kpi": "KPI",
        "training.col.question": "題目",
        "training.nps-1.q": "40 位推薦者、30 位中立者、30 位貶損者回答。NPS（分）是多少？",
        "training.nps-1.h": "推薦者 % − 貶損者 %，範圍 −100 到 100。",
        "training.nps-1.e": "40% − 30% = 10 分；中立者只會稀釋比例。",
        "training.nps-2.q": "在 NPS 中哪兩個回答算法相同？'a' 0 和 6，'b' 6 和 7，'c' 8 和 9",
        "training.nps-2.h": "貶損者 0–6 分，中立者 7–8 分，推薦者 9–10 分。",
        "training.nps-2.e": "0 和 6 都是貶損者；6 和 7、8 和 9 都跨越了界線。",
        "training.churn-1.q": (
            "範例公司 2026 年 10 月的客戶流失率（分母：期初客戶數）是多少？請以小數作答，取到小數點後第四位（例如 0.0312）。"
        ),
        "training.churn-1.h": "company.mrr.cs.churn(period='M') 中 2026-10 那一列的 churn。",
        "training.churn-1.e": "流失的期初客戶 ÷ 10 月初的客戶數。",
        "training.churn-2.q": "同樣的資料，哪個分母的流失率最低？'start'、'average' 或 'start_plus_new'",
        "training.churn-2.h": "分母越大，比率越小。",
        "training.churn-2.e": "期初 + 新增是最大的分母，所以流失率最低。",
        "training.mrr-1.q": (
            "期初 MRR 10,000；新增 500、擴充 300、縮減 200、流失 400、回流 100。期末 MRR 是多少？"
        ),
        "training.mrr-1.h": "期初 + 新增 + 擴充 − 縮減 − 流失 + 回流。",
        "training.mrr-1.e": "10,000 + 500 + 300 − 200 − 400 + 100 = 10,300。",
        "training.retention-1.q": "期初 MRR 100；擴充 10、縮減 10、流失 10。GRR（小數）是多少？",
        "training.retention-1.h": "GRR 不計擴充：（期初 − 縮減 − 流失）÷ 期初。",
        "training.retention-1.e": "（100 − 10 − 10）÷ 100 = 0.8；NRR 則是 0.9。",
        "training.ltv-1.q": "每月 ARPA 100，每月流失率 5%，不計毛利。LTV 是多少？",
        "training.ltv-1.h": "ARPA ÷ 每月流失率。",
        "training.ltv-1.e": "100 ÷ 0.05 = 2,000（預期壽命 20 個月）。",
        "training.ltv-2.q": "每月流失率從 4% 減半到 2%，LTV 變成幾倍？",
        "training.ltv-2.h": "LTV 與 1 ÷ 流失率成正比。",
        "training.ltv-2.e": "1 ÷ 0.02 是 1 ÷ 0.04 的兩倍：LTV 加倍。",
        "training.csat-1.q": "十筆 CSAT 回答：3、3、3、3、4、4、4、5、5、5。Top-2-box 比例是多少？",
        "training.csat-1.h": "4 分與 5 分的回答 ÷ 全部回答。",
        "training.csat-1.e": "10 筆中有 6 筆是 4 或 5 分：0.6（平均是 3.9）。",
        "training.fcr-1.q": (
            "120 張已解決工單中，84 張只有一次客服回覆，其中 6 張被重新開啟。"
            "以「重新開啟不算首次解決」計算，FCR 是多少？"
        ),
        "training.fcr-1.h": "（一次回覆的工單 − 重新開啟的工單）÷ 已解決工單。",
        "training.fcr-1.e": "（84 − 6）÷ 120 = 0.65。",
        "training.stickiness-1.q": (
            "一週的 DAU：10、1、1、1、1、1、1；MAU 為 10。平均 DAU ÷ MAU（取到小數第三位）？"
        ),
        "training.stickiness-1.h": "平均 DAU = 16 ÷ 7。",
        "training.stickiness-1.e": "16 ÷ 7 ÷ 10 = 0.229。",
        "training.health-1.q": (
            "十個權重相同的指標：5 個良好（100）、3 個普通（60）、2 個不佳（40）。健康分數是多少？"
        ),
        "training.health-1.h": "Σ 權重 × 分數 ÷ Σ 權重。",
        "training.health-1.e": "（500 + 180 + 80）÷ 10 = 76：綠。",
    },
}
