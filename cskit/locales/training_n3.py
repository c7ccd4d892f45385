"""Texts of engineer n3's round (issue 17): the conventions captioned on the
retention, LTV, stickiness and health explainers (one number per KPI), and the
exercises of notebooks 08, 09, 16 and 20 (``training.08-1`` …).

Same keys in every language; placeholders in braces are the same everywhere.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "explain.retention.convention.window": "{window}-month NRR (returns excluded)",
        "explain.retention.convention.monthly": "Monthly NRR (returns excluded)",
        "explain.retention.num.baseline": "NRR of the data ({convention})",
        "explain.retention.hypothetical": "Hypothetical amounts; the data's NRR is {nrr}.",
        "explain.ltv.convention": (
            "Revenue LTV (before gross margin), trailing 12-month mean churn"
        ),
        "explain.ltv.num.baseline": "Revenue LTV of the data (baseline)",
        "explain.ltv.hypothetical": (
            "Hypothetical ({changed} changed); the data's revenue LTV is {ltv}."
        ),
        "explain.stickiness.caption_trailing": (
            "The mean over the month's days of DAU ÷ MAU. Define 'active' first (which events "
            "count) and the MAU window: both change the ratio without any change in behaviour."
        ),
        "explain.stickiness.convention": "DAU / trailing-{window}-day MAU",
        "explain.stickiness.num.mean_mau": "Mean MAU (trailing {window} days)",
        "explain.stickiness.num.calendar": "DAU / calendar-month MAU (comparison)",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = mean over the month's days of DAU ÷ users active in the {window} days "
            "to that day = {ratio} (mean DAU {dau}, mean MAU {mau})"
        ),
        "explain.health.convention": "Starting weights: cskit's default score (health_score)",
        # notebook 08
        "training.08-1.q": (
            "Six metrics, equally weighted: three good, one average, two poor; points 100 / 60 / "
            "0. What is the score?"
        ),
        "training.08-1.h": "Σ points ÷ number of metrics, with poor = 0.",
        "training.08-1.e": "(3 × 100 + 60 + 2 × 0) ÷ 6 = 60: yellow.",
        "training.08-1.trap.poor_40": "that gives poor 40 points (the catalogue's example), not 0.",
        "training.08-2.q": (
            "Weights tuned on all account-months, AUC reported on the same ones: honest (a), too "
            "optimistic (b) or too pessimistic (c)?"
        ),
        "training.08-2.h": "Could the weights have fitted the noise of exactly those months?",
        "training.08-2.e": (
            "b: a fit looks best on the months it was fitted to; only later months it never saw "
            "tell how it will do."
        ),
        "training.08-3.q": (
            "Judged months, default score: red churn rate ÷ green churn rate within three months?"
        ),
        "training.08-3.h": "Divide the red band's churn rate by the green band's (judged months).",
        "training.08-3.e": (
            "Red accounts churn that many times as often as green ones, on months the score was "
            "not chosen on."
        ),
        "training.08-3.trap.inverted": "that is green ÷ red; the question asks red ÷ green.",
        "training.08-4.q": (
            "One signal alone beats your composite on the explore months. First step: replace "
            "(a), check on later months (b), or reweight and report on the same months (c)?"
        ),
        "training.08-4.h": "Which of the three judges the change on months you have not used?",
        "training.08-4.e": (
            "b: the explore months chose the question; later months answer it. (c) repeats "
            "mistake 4, and (a) acts before checking."
        ),
        # notebook 09
        "training.09-1.q": "ARPA 120 a month, monthly churn 4%. Revenue LTV?",
        "training.09-1.h": "Revenue LTV = monthly ARPA ÷ monthly churn rate.",
        "training.09-1.e": "120 ÷ 0.04 = 3,000: a 25-month lifetime at 120 a month.",
        "training.09-1.trap.margin": "that applies an 80% gross margin; revenue LTV has none.",
        "training.09-1.trap.annual": "that uses annual ARPA with monthly churn: units disagree.",
        "training.09-2.q": "LTV of the report month at a 70% gross margin (default window)?",
        "training.09-2.h": "company.mrr.cs.ltv(period=\"M\", gross_margin=...) at the report month.",
        "training.09-2.e": "Profit LTV = 0.7 × the revenue LTV of the report month.",
        "training.09-2.trap.revenue": "that is the revenue LTV, before the 70% margin.",
        "training.09-2.trap.divided": "that divides by the margin instead of multiplying.",
        "training.09-3.q": (
            "Report month: is the highest-ARPA segment also the highest-LTV segment (yes/no)?"
        ),
        "training.09-3.h": "LTV = ARPA × lifetime: compare the ARPA and lifetime ratios by segment.",
        "training.09-3.e": (
            "LTV multiplies ARPA by the lifetime, so a segment's rank can follow either; the "
            "segment table says which one makes the gap."
        ),
        "training.09-4.q": "25 per order, 4 orders a year, 2 years. LTV?",
        "training.09-4.h": "Value × frequency × lifespan: a product, not a difference.",
        "training.09-4.e": "25 × 4 × 2 = 200.",
        "training.09-4.trap.no_lifespan": "that is one year's value; multiply by the lifespan.",
        "training.09-4.trap.subtracted": (
            "that subtracts the frequency (the 6-metrics article's error); multiply instead."
        ),
        # notebook 16
        "training.16-1.q": (
            "Calendar-month DAU/MAU is higher in February than in January with no change in "
            "use. Why: shorter month (a), more visits (b), data error (c)?"
        ),
        "training.16-1.h": "How many days does the calendar MAU window have in February?",
        "training.16-1.e": (
            "a: 28 days count fewer distinct monthly users than 31, so the ratio rises; a fixed "
            "trailing 28-day window does not."
        ),
        "training.16-2.q": (
            "Everyone uses the product every Monday only. DAU / trailing-28-day MAU over a long "
            "stretch (3 decimals)?"
        ),
        "training.16-2.h": "MAU is everyone on every day; DAU is everyone one day in seven.",
        "training.16-2.e": "1 ÷ 7 = 0.143: a 'low' ratio for a product everyone uses weekly.",
        "training.16-2.trap.calendar": "that is about 4 Mondays ÷ 30 days, a calendar month.",
        "training.16-2.trap.inverted": "that is MAU ÷ DAU, the inverted ratio.",
        "training.16-2.trap.monthly": "that is once a month, not once a week.",
        "training.16-3.q": (
            "'Active' changes from any event to created or shared a report; DAU/MAU falls 9% → "
            "6%. Report: engagement fell (a), restate past months and compare (b), average (c)?"
        ),
        "training.16-3.h": "Did the users change, or the definition?",
        "training.16-3.e": (
            "b: numbers with different activity definitions are not comparable; restate the "
            "history with the new definition."
        ),
        # notebook 20
        "training.20-1.q": "The small example with a 20-day window: repeat rate?",
        "training.20-1.h": (
            "Only customers whose 20 days end by 20 March count; who came back within 20 days?"
        ),
        "training.20-1.e": "a, b, c, e, f are observable; only f came back (19 days): 1 ÷ 5 = 0.2.",
        "training.20-1.trap.incomplete": (
            "that counts d, whose window is not over, as a non-repeater."
        ),
        "training.20-1.trap.window_30": "that is the 30-day window of the example.",
        "training.20-2.q": (
            "A Japanese SaaS deck reports 継続率 95%. Repeat of new customers (a), 1 − churn (b), "
            "returning buyers (c)?"
        ),
        "training.20-2.h": "In Japanese SaaS, 継続率 is paired with 解約率.",
        "training.20-2.e": (
            "b: 継続率 is retention, 1 − churn of the customers at the start; the repeat purchase "
            "rate is リピート率."
        ),
        "training.20-3.q": (
            "Events per account: share of new accounts with another active day within 7 days?"
        ),
        "training.20-3.h": "repeat_rate(customer=\"account_id\", date=\"timestamp\", window=7).",
        "training.20-3.e": (
            "An account comes back when any of its users does, so the rate is higher than per "
            "user."
        ),
        "training.20-3.trap.per_user": "that is per user; the question asks per account.",
    },
    "ko": {
        "explain.retention.convention.window": "{window}개월 NRR(복귀 고객 제외)",
        "explain.retention.convention.monthly": "월간 NRR(복귀 고객 제외)",
        "explain.retention.num.baseline": "데이터의 NRR({convention})",
        "explain.retention.hypothetical": "가정한 금액입니다. 데이터의 NRR은 {nrr}입니다.",
        "explain.ltv.convention": "매출 LTV(매출총이익률 적용 전), 최근 12개월 평균 이탈률",
        "explain.ltv.num.baseline": "데이터의 매출 LTV(기준)",
        "explain.ltv.hypothetical": "가정({changed} 변경). 데이터의 매출 LTV는 {ltv}입니다.",
        "explain.stickiness.caption_trailing": (
            "그달 각 날짜의 DAU ÷ MAU 평균. 먼저 '활성'(어떤 이벤트를 셀지)과 MAU 기간을 정하세요. "
            "둘 다 행동 변화 없이 비율을 바꿉니다."
        ),
        "explain.stickiness.convention": "DAU ÷ 최근 {window}일 MAU",
        "explain.stickiness.num.mean_mau": "평균 MAU(최근 {window}일)",
        "explain.stickiness.num.calendar": "DAU ÷ 달력 월 MAU(비교용)",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = 그달 각 날짜의 DAU ÷ 그날까지 {window}일간 활성 사용자의 평균 = {ratio}"
            "(평균 DAU {dau}, 평균 MAU {mau})"
        ),
        "explain.health.convention": "시작 가중치: cskit 기본 점수(health_score)",
        "training.08-1.q": (
            "가중치가 같은 지표 6개: 좋음 3개, 보통 1개, 나쁨 2개, 점수 100 / 60 / 0. 헬스 스코어는?"
        ),
        "training.08-1.h": "점수 합 ÷ 지표 수(나쁨 = 0).",
        "training.08-1.e": "(3 × 100 + 60 + 2 × 0) ÷ 6 = 60: 노랑.",
        "training.08-1.trap.poor_40": "나쁨에 40점(카탈로그 예시)을 준 값입니다. 여기서는 0점입니다.",
        "training.08-2.q": (
            "모든 계정-월로 가중치를 맞추고 같은 계정-월로 AUC를 보고했습니다. 정직한 값(a), "
            "너무 낙관적(b), 너무 비관적(c)?"
        ),
        "training.08-2.h": "가중치가 바로 그 달들의 잡음에 맞춰졌을 수 있지 않을까요?",
        "training.08-2.e": (
            "b: 맞춘 달에서는 늘 좋아 보입니다. 한 번도 보지 않은 이후 달만이 실제 성능을 알려 줍니다."
        ),
        "training.08-3.q": "평가 기간, 기본 점수: 3개월 내 빨강 이탈률 ÷ 초록 이탈률은?",
        "training.08-3.h": "평가 기간의 빨강 구간 이탈률을 초록 구간 이탈률로 나누세요.",
        "training.08-3.e": "점수를 고를 때 쓰지 않은 달에서, 빨강 계정은 초록보다 그만큼 자주 이탈합니다.",
        "training.08-3.trap.inverted": "초록 ÷ 빨강입니다. 질문은 빨강 ÷ 초록입니다.",
        "training.08-4.q": (
            "탐색 기간에 신호 하나가 종합 점수보다 낫습니다. 먼저 할 일: 교체(a), 이후 달에서 확인(b), "
            "가중치를 바꿔 같은 달로 보고(c)?"
        ),
        "training.08-4.h": "아직 쓰지 않은 달로 변경을 평가하는 것은 어느 것입니까?",
        "training.08-4.e": (
            "b: 탐색 기간은 질문을 정하고, 이후 달이 답합니다. (c)는 실수 4를 반복하고 (a)는 확인 전에 "
            "행동합니다."
        ),
        "training.09-1.q": "월 ARPA 120, 월 이탈률 4%. 매출 LTV는?",
        "training.09-1.h": "매출 LTV = 월 ARPA ÷ 월 이탈률.",
        "training.09-1.e": "120 ÷ 0.04 = 3,000: 월 120으로 25개월.",
        "training.09-1.trap.margin": "매출총이익률 80%를 적용한 값입니다. 매출 LTV에는 적용하지 않습니다.",
        "training.09-1.trap.annual": "연 ARPA를 월 이탈률로 나눈 값입니다. 단위가 맞지 않습니다.",
        "training.09-2.q": "매출총이익률 70%일 때 보고 월의 LTV(기본 기간)는?",
        "training.09-2.h": "보고 월의 company.mrr.cs.ltv(period=\"M\", gross_margin=...).",
        "training.09-2.e": "이익 LTV = 0.7 × 보고 월의 매출 LTV.",
        "training.09-2.trap.revenue": "이익률 70%를 적용하기 전의 매출 LTV입니다.",
        "training.09-2.trap.divided": "이익률을 곱하지 않고 나눈 값입니다.",
        "training.09-3.q": "보고 월: ARPA가 가장 높은 세그먼트가 LTV도 가장 높습니까(yes/no)?",
        "training.09-3.h": "LTV = ARPA × 고객 수명: 세그먼트별 ARPA 비율과 수명 비율을 비교하세요.",
        "training.09-3.e": (
            "LTV는 ARPA에 수명을 곱하므로 순위는 어느 쪽을 따를 수도 있습니다. 세그먼트 표가 차이의 "
            "원인을 보여 줍니다."
        ),
        "training.09-4.q": "주문당 25, 연 4회 주문, 2년 유지. LTV는?",
        "training.09-4.h": "구매 단가 × 구매 빈도 × 고객 수명: 차가 아니라 곱입니다.",
        "training.09-4.e": "25 × 4 × 2 = 200.",
        "training.09-4.trap.no_lifespan": "1년치 가치입니다. 고객 수명을 곱하세요.",
        "training.09-4.trap.subtracted": "빈도를 뺀 값입니다(6개 지표 기사의 오류). 곱하세요.",
        "training.16-1.q": (
            "사용 변화가 없는데 달력 월 기준 DAU/MAU가 1월보다 2월에 높습니다. 이유: 짧은 달(a), "
            "방문 증가(b), 데이터 오류(c)?"
        ),
        "training.16-1.h": "2월의 달력 MAU 기간은 며칠입니까?",
        "training.16-1.e": (
            "a: 28일은 31일보다 월간 고유 사용자를 적게 세므로 비율이 올라갑니다. 고정된 최근 28일 "
            "기간은 그렇지 않습니다."
        ),
        "training.16-2.q": (
            "모든 사용자가 매주 월요일에만 사용합니다. 긴 기간의 DAU ÷ 최근 28일 MAU(소수 셋째 자리)는?"
        ),
        "training.16-2.h": "MAU는 매일 전원, DAU는 7일 중 하루만 전원입니다.",
        "training.16-2.e": "1 ÷ 7 = 0.143: 모두가 매주 쓰는 제품인데도 '낮은' 비율입니다.",
        "training.16-2.trap.calendar": "월요일 약 4번 ÷ 30일, 달력 월 기준 값입니다.",
        "training.16-2.trap.inverted": "MAU ÷ DAU, 뒤집힌 비율입니다.",
        "training.16-2.trap.monthly": "한 달에 한 번 사용할 때의 값입니다. 질문은 주 1회입니다.",
        "training.16-3.q": (
            "'활성' 정의를 모든 이벤트에서 리포트 생성·공유로 바꾸자 DAU/MAU가 9% → 6%. 보고: "
            "참여 감소(a), 과거 달을 새 정의로 다시 계산해 비교(b), 평균(c)?"
        ),
        "training.16-3.h": "바뀐 것은 사용자입니까, 정의입니까?",
        "training.16-3.e": "b: 활성 정의가 다른 숫자는 비교할 수 없습니다. 과거를 새 정의로 다시 계산하세요.",
        "training.20-1.q": "작은 예시, 20일 기간: 재구매율(리피트율)은?",
        "training.20-1.h": "20일이 3월 20일 이전에 끝나는 고객만 셉니다. 20일 안에 돌아온 고객은?",
        "training.20-1.e": "관측 가능한 고객 a, b, c, e, f 중 f만 돌아옴(19일): 1 ÷ 5 = 0.2.",
        "training.20-1.trap.incomplete": "기간이 끝나지 않은 d를 재구매하지 않은 고객으로 센 값입니다.",
        "training.20-1.trap.window_30": "예시의 30일 기간 값입니다.",
        "training.20-2.q": (
            "일본 SaaS 보고서의 継続率 95%는? 신규 고객의 재구매(a), 1 − 이탈률(b), 재방문 구매자 비율(c)"
        ),
        "training.20-2.h": "일본 SaaS에서 継続率은 解約率(이탈률)과 짝을 이룹니다.",
        "training.20-2.e": "b: 継続率은 기초 고객의 유지율(1 − 이탈률)입니다. 재구매율은 リピート率입니다.",
        "training.20-3.q": "계정 단위 이벤트: 첫 활동 후 7일 안에 다시 활동한 신규 계정의 비율은?",
        "training.20-3.h": "repeat_rate(customer=\"account_id\", date=\"timestamp\", window=7).",
        "training.20-3.e": "계정은 사용자 중 누구라도 돌아오면 돌아온 것이므로 사용자 단위보다 높습니다.",
        "training.20-3.trap.per_user": "사용자 단위 값입니다. 질문은 계정 단위입니다.",
    },
    "ja": {
        "explain.retention.convention.window": "{window} か月 NRR（復帰顧客を除く）",
        "explain.retention.convention.monthly": "月次 NRR（復帰顧客を除く）",
        "explain.retention.num.baseline": "データの NRR（{convention}）",
        "explain.retention.hypothetical": "仮の金額です。データの NRR は {nrr} です。",
        "explain.ltv.convention": "売上ベースの LTV（粗利率を掛ける前）、直近 12 か月の平均解約率",
        "explain.ltv.num.baseline": "データの売上ベース LTV（基準）",
        "explain.ltv.hypothetical": "仮定（{changed} を変更）。データの売上ベース LTV は {ltv} です。",
        "explain.stickiness.caption_trailing": (
            "その月の各日の DAU ÷ MAU の平均。まず「アクティブ」（どのイベントを数えるか）と MAU の期間を"
            "決めます。どちらも行動が変わらなくても比率を変えます。"
        ),
        "explain.stickiness.convention": "DAU ÷ 直近 {window} 日の MAU",
        "explain.stickiness.num.mean_mau": "平均 MAU（直近 {window} 日）",
        "explain.stickiness.num.calendar": "DAU ÷ 暦月の MAU（比較用）",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = その月の各日の DAU ÷ その日までの {window} 日間のアクティブユーザーの平均 = "
            "{ratio}（平均 DAU {dau}、平均 MAU {mau}）"
        ),
        "explain.health.convention": "初期の重み：cskit の既定スコア（health_score）",
        "training.08-1.q": (
            "同じ重みの指標 6 つ：良 3、並 1、不良 2、点数 100 / 60 / 0。ヘルススコアは？"
        ),
        "training.08-1.h": "点数の合計 ÷ 指標の数（不良 = 0）。",
        "training.08-1.e": "（3 × 100 + 60 + 2 × 0）÷ 6 = 60：黄。",
        "training.08-1.trap.poor_40": "不良に 40 点（カタログの例）を与えた値です。ここでは 0 点です。",
        "training.08-2.q": (
            "全アカウント月で重みを合わせ、同じアカウント月で AUC を報告しました。妥当（a）、"
            "楽観的すぎる（b）、悲観的すぎる（c）？"
        ),
        "training.08-2.h": "重みがまさにその月々のノイズに合ってしまった可能性は？",
        "training.08-2.e": (
            "b：当てはめた月では必ず良く見えます。一度も見ていない後の月だけが実力を示します。"
        ),
        "training.08-3.q": "評価期間・既定スコア：3 か月以内の赤の解約率 ÷ 緑の解約率は？",
        "training.08-3.h": "評価期間の赤の帯の解約率を緑の帯の解約率で割ります。",
        "training.08-3.e": "スコアを選ぶのに使っていない月で、赤のアカウントは緑のその倍数だけ解約します。",
        "training.08-3.trap.inverted": "緑 ÷ 赤です。問いは赤 ÷ 緑です。",
        "training.08-4.q": (
            "探索期間で単一の指標が合成スコアに勝ちました。まず：置き換える（a）、後の月で確かめる（b）、"
            "重みを変えて同じ月で報告する（c）？"
        ),
        "training.08-4.h": "まだ使っていない月で変更を評価するのはどれですか？",
        "training.08-4.e": (
            "b：探索期間は問いを決め、後の月が答えます。（c）は誤り 4 の繰り返し、（a）は確かめる前の行動です。"
        ),
        "training.09-1.q": "月 ARPA 120、月次解約率 4%。売上ベースの LTV は？",
        "training.09-1.h": "売上ベース LTV = 月 ARPA ÷ 月次解約率。",
        "training.09-1.e": "120 ÷ 0.04 = 3,000：月 120 で 25 か月。",
        "training.09-1.trap.margin": "粗利率 80% を掛けた値です。売上ベース LTV には掛けません。",
        "training.09-1.trap.annual": "年 ARPA を月次解約率で割った値です。単位が合いません。",
        "training.09-2.q": "粗利率 70% での報告月の LTV（既定の期間）は？",
        "training.09-2.h": "報告月の company.mrr.cs.ltv(period=\"M\", gross_margin=...)。",
        "training.09-2.e": "利益ベース LTV = 0.7 × 報告月の売上ベース LTV。",
        "training.09-2.trap.revenue": "粗利率 70% を掛ける前の売上ベース LTV です。",
        "training.09-2.trap.divided": "粗利率を掛けずに割った値です。",
        "training.09-3.q": "報告月：ARPA が最も高いセグメントは LTV も最も高いですか（yes/no）？",
        "training.09-3.h": "LTV = ARPA × 顧客寿命：セグメント別の ARPA の比と寿命の比を比べます。",
        "training.09-3.e": (
            "LTV は ARPA に寿命を掛けるので、順位はどちらにも従い得ます。差の原因はセグメントの表が示します。"
        ),
        "training.09-4.q": "1 回 25、年 4 回注文、2 年継続。LTV は？",
        "training.09-4.h": "購入単価 × 購入頻度 × 顧客寿命：差ではなく積です。",
        "training.09-4.e": "25 × 4 × 2 = 200。",
        "training.09-4.trap.no_lifespan": "1 年分の価値です。顧客寿命を掛けてください。",
        "training.09-4.trap.subtracted": "頻度を引いた値です（6 指標の記事の誤り）。掛けてください。",
        "training.16-1.q": (
            "使い方は変わらないのに、暦月の DAU/MAU が 1 月より 2 月に高い。理由：短い月（a）、"
            "訪問増（b）、データの誤り（c）？"
        ),
        "training.16-1.h": "2 月の暦月 MAU の期間は何日ですか？",
        "training.16-1.e": (
            "a：28 日は 31 日より月間ユニークユーザーが少なく、比率が上がります。固定の直近 28 日なら上がりません。"
        ),
        "training.16-2.q": (
            "全員が毎週月曜日だけ使います。長い期間の DAU ÷ 直近 28 日 MAU（小数第 3 位まで）は？"
        ),
        "training.16-2.h": "MAU は毎日全員、DAU は 7 日に 1 日だけ全員です。",
        "training.16-2.e": "1 ÷ 7 = 0.143：全員が毎週使う製品なのに「低い」比率です。",
        "training.16-2.trap.calendar": "月曜約 4 回 ÷ 30 日、暦月の値です。",
        "training.16-2.trap.inverted": "MAU ÷ DAU、逆の比率です。",
        "training.16-2.trap.monthly": "月 1 回の利用の値です。問いは週 1 回です。",
        "training.16-3.q": (
            "「アクティブ」の定義を全イベントからレポート作成・共有に変えたら DAU/MAU が 9% → 6%。"
            "報告：利用低下（a）、過去の月を新しい定義で計算し直して比べる（b）、平均（c）？"
        ),
        "training.16-3.h": "変わったのはユーザーですか、定義ですか？",
        "training.16-3.e": "b：アクティブの定義が違う数字は比べられません。過去を新しい定義で計算し直します。",
        "training.20-1.q": "小さな例、20 日の期間：リピート率は？",
        "training.20-1.h": "20 日が 3 月 20 日までに終わる顧客だけを数えます。20 日以内に戻ったのは？",
        "training.20-1.e": "観測できる a、b、c、e、f のうち f だけが戻った（19 日）：1 ÷ 5 = 0.2。",
        "training.20-1.trap.incomplete": "期間が終わっていない d をリピートしなかった顧客として数えた値です。",
        "training.20-1.trap.window_30": "例の 30 日の期間の値です。",
        "training.20-2.q": (
            "日本の SaaS の資料にある継続率 95% は？ 新規顧客のリピート（a）、1 − 解約率（b）、"
            "購入者のうち既存顧客の割合（c）"
        ),
        "training.20-2.h": "日本の SaaS では、継続率は解約率と対になります。",
        "training.20-2.e": "b：継続率は期首顧客の維持率（1 − 解約率）です。再購入の割合はリピート率です。",
        "training.20-3.q": "アカウント単位のイベント：初回から 7 日以内に再びアクティブになった新規アカウントの割合は？",
        "training.20-3.h": "repeat_rate(customer=\"account_id\", date=\"timestamp\", window=7)。",
        "training.20-3.e": "アカウントはユーザーの誰かが戻れば戻ったことになるので、ユーザー単位より高くなります。",
        "training.20-3.trap.per_user": "ユーザー単位の値です。問いはアカウント単位です。",
    },
    "zh-Hant": {
        "explain.retention.convention.window": "{window} 個月 NRR（排除回流客戶）",
        "explain.retention.convention.monthly": "月 NRR（排除回流客戶）",
        "explain.retention.num.baseline": "資料的 NRR（{convention}）",
        "explain.retention.hypothetical": "假設的金額；資料的 NRR 為 {nrr}。",
        "explain.ltv.convention": "收入 LTV（未乘毛利率），近 12 個月平均流失率",
        "explain.ltv.num.baseline": "資料的收入 LTV（基準）",
        "explain.ltv.hypothetical": "假設（已改變 {changed}）；資料的收入 LTV 為 {ltv}。",
        "explain.stickiness.caption_trailing": (
            "當月每天 DAU ÷ MAU 的平均。先定義「活躍」（計入哪些事件）與 MAU 期間：兩者都會在行為不變時"
            "改變比率。"
        ),
        "explain.stickiness.convention": "DAU ÷ 近 {window} 天 MAU",
        "explain.stickiness.num.mean_mau": "平均 MAU（近 {window} 天）",
        "explain.stickiness.num.calendar": "DAU ÷ 日曆月 MAU（對照）",
        "explain.stickiness.formula_trailing": (
            "DAU/MAU = 當月每天的 DAU ÷ 截至當天 {window} 天內活躍使用者的平均 = {ratio}"
            "（平均 DAU {dau}，平均 MAU {mau}）"
        ),
        "explain.health.convention": "起始權重：cskit 預設分數（health_score）",
        "training.08-1.q": "六個權重相同的指標：好 3、普通 1、差 2，分數 100 / 60 / 0。健康分數是多少？",
        "training.08-1.h": "分數總和 ÷ 指標數（差 = 0）。",
        "training.08-1.e": "（3 × 100 + 60 + 2 × 0）÷ 6 = 60：黃。",
        "training.08-1.trap.poor_40": "這是給「差」40 分（目錄的例子）的結果；這裡是 0 分。",
        "training.08-2.q": (
            "用所有帳戶月調整權重，再用同樣的帳戶月報告 AUC。這個 AUC 是：可信（a）、過於樂觀（b）、"
            "過於悲觀（c）？"
        ),
        "training.08-2.h": "權重會不會剛好貼合那些月份的雜訊？",
        "training.08-2.e": "b：在擬合的月份上總是好看；只有從未看過的後續月份才說明真正的表現。",
        "training.08-3.q": "評估期間、預設分數：三個月內紅色的流失率 ÷ 綠色的流失率？",
        "training.08-3.h": "把評估期間紅色區間的流失率除以綠色區間的流失率。",
        "training.08-3.e": "在選定分數時沒用到的月份裡，紅色帳戶流失的頻率是綠色的這個倍數。",
        "training.08-3.trap.inverted": "這是綠 ÷ 紅；題目問的是紅 ÷ 綠。",
        "training.08-4.q": (
            "在探索期間，單一訊號勝過綜合分數。第一步：直接取代（a）、在後續月份檢查（b）、"
            "調整權重並用同樣月份報告（c）？"
        ),
        "training.08-4.h": "哪一個是用還沒用過的月份來評估這個改變？",
        "training.08-4.e": "b：探索期間提出問題，後續月份回答問題。（c）重犯錯誤 4，（a）在檢查前就行動。",
        "training.09-1.q": "每月 ARPA 120，月流失率 4%。收入 LTV 是多少？",
        "training.09-1.h": "收入 LTV = 每月 ARPA ÷ 月流失率。",
        "training.09-1.e": "120 ÷ 0.04 = 3,000：每月 120，持續 25 個月。",
        "training.09-1.trap.margin": "這乘上了 80% 毛利率；收入 LTV 不乘毛利率。",
        "training.09-1.trap.annual": "這是年 ARPA 除以月流失率：單位不一致。",
        "training.09-2.q": "毛利率 70% 時報告月的 LTV（預設期間）？",
        "training.09-2.h": "報告月的 company.mrr.cs.ltv(period=\"M\", gross_margin=...)。",
        "training.09-2.e": "利潤 LTV = 0.7 × 報告月的收入 LTV。",
        "training.09-2.trap.revenue": "這是乘上 70% 毛利率之前的收入 LTV。",
        "training.09-2.trap.divided": "這是除以毛利率，而不是乘上。",
        "training.09-3.q": "報告月：ARPA 最高的客群，LTV 也最高嗎（yes/no）？",
        "training.09-3.h": "LTV = ARPA × 客戶壽命：比較各客群的 ARPA 比與壽命比。",
        "training.09-3.e": "LTV 是 ARPA 乘上壽命，排名可能跟著其中任何一個；客群表說明差距來自哪一邊。",
        "training.09-4.q": "每筆訂單 25、每年 4 次、維持 2 年。LTV 是多少？",
        "training.09-4.h": "客單價 × 購買頻率 × 客戶壽命：是乘積，不是差。",
        "training.09-4.e": "25 × 4 × 2 = 200。",
        "training.09-4.trap.no_lifespan": "這是一年的價值；請再乘上客戶壽命。",
        "training.09-4.trap.subtracted": "這是減去頻率（六指標文章的錯誤）；應該相乘。",
        "training.16-1.q": (
            "使用方式沒變，但以日曆月計算的 DAU/MAU 在二月比一月高。原因：月份較短（a）、"
            "造訪變多（b）、資料錯誤（c）？"
        ),
        "training.16-1.h": "二月的日曆月 MAU 期間有幾天？",
        "training.16-1.e": "a：28 天計到的不重複月活躍使用者比 31 天少，比率因此上升；固定的近 28 天則不會。",
        "training.16-2.q": "每位使用者只在每週一使用。長期間的 DAU ÷ 近 28 天 MAU（小數三位）？",
        "training.16-2.h": "MAU 每天都是全部使用者；DAU 七天中只有一天是全部使用者。",
        "training.16-2.e": "1 ÷ 7 = 0.143：大家每週都用的產品，比率卻看來「偏低」。",
        "training.16-2.trap.calendar": "這是約 4 個週一 ÷ 30 天，日曆月的值。",
        "training.16-2.trap.inverted": "這是 MAU ÷ DAU，倒過來的比率。",
        "training.16-2.trap.monthly": "這是每月用一次的值；題目是每週一次。",
        "training.16-3.q": (
            "「活躍」的定義從任何事件改為建立或分享報表後，DAU/MAU 從 9% 降到 6%。報告：參與度下降（a）、"
            "用新定義重算過去月份再比較（b）、取平均（c）？"
        ),
        "training.16-3.h": "改變的是使用者，還是定義？",
        "training.16-3.e": "b：活躍定義不同的數字不能比較；用新定義重算歷史資料。",
        "training.20-1.q": "小例子、20 天期間：回購率是多少？",
        "training.20-1.h": "只計 20 天期間在 3 月 20 日前結束的客戶；誰在 20 天內回來？",
        "training.20-1.e": "可觀察的是 a、b、c、e、f，只有 f 回來（19 天）：1 ÷ 5 = 0.2。",
        "training.20-1.trap.incomplete": "這把期間尚未結束的 d 算成沒有回購的客戶。",
        "training.20-1.trap.window_30": "這是例子中 30 天期間的值。",
        "training.20-2.q": (
            "日本 SaaS 簡報上的「継続率」95% 最可能是：新客戶回購（a）、1 − 流失率（b）、"
            "購買者中舊客戶的比例（c）？"
        ),
        "training.20-2.h": "在日本 SaaS，継続率與解約率（流失率）成對使用。",
        "training.20-2.e": "b：継続率是期初客戶的留存率（1 − 流失率）；回購率日文是リピート率。",
        "training.20-3.q": "以帳戶為單位的事件：首次活躍後 7 天內再次活躍的新帳戶比例？",
        "training.20-3.h": "repeat_rate(customer=\"account_id\", date=\"timestamp\", window=7)。",
        "training.20-3.e": "帳戶只要有任何一位使用者回來就算回來，所以比以使用者計算高。",
        "training.20-3.trap.per_user": "這是以使用者計算的值；題目問的是以帳戶計算。",
    },
}
