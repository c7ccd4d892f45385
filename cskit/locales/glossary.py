"""The KPI glossary (``glossary.<kpi>.name / .definition / .formula``) in four languages.

Formulas follow the KPI catalogue and its default conventions; rates are
fractions in code and percentages in prose.
"""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "glossary.col.term": "Term",
        "glossary.col.definition": "Definition",
        "glossary.col.formula": "Formula",
        "glossary.col.table": "Table",
        "glossary.col.method": "df.cs method",
        "glossary.col.explainer": "Explainer",
        "glossary.churn.name": "Customer churn rate",
        "glossary.churn.definition": (
            "Share of customers lost in a period. The sources divide by different bases; "
            "cskit defaults to customers at the start and offers the average and start + new."
        ),
        "glossary.churn.formula": "churned customers ÷ customers at start of period",
        "glossary.revenue_churn.name": "Revenue churn (gross / net)",
        "glossary.revenue_churn.definition": (
            "Recurring revenue lost to cancellations and downgrades; net also subtracts "
            "expansion and reactivation, so it can be negative (good)."
        ),
        "glossary.revenue_churn.formula": (
            "gross = (churn + contraction) ÷ start MRR; "
            "net = (churn + contraction − expansion − reactivation) ÷ start MRR"
        ),
        "glossary.mrr.name": "Monthly recurring revenue (MRR)",
        "glossary.mrr.definition": (
            "Recurring revenue normalised to one month (600 per year = 50 per month), after "
            "discounts, without one-off or metered charges. ARPU × users is an identity, "
            "not a way to compute it."
        ),
        "glossary.mrr.formula": "Σ over active subscription lines of price ÷ months per billing period",
        "glossary.mrr_movements.name": "MRR movements",
        "glossary.mrr_movements.definition": (
            "What changed MRR in a month: new, expansion, contraction, churn and reactivation "
            "(a returning customer is reactivation, not new)."
        ),
        "glossary.mrr_movements.formula": (
            "start + new + expansion − contraction − churn + reactivation = end"
        ),
        "glossary.arpa.name": "Average revenue per account (ARPA / ARPU)",
        "glossary.arpa.definition": (
            "Revenue per paying account (or per user) over a period; combine a customer's "
            "subscriptions first."
        ),
        "glossary.arpa.formula": "MRR ÷ paying accounts",
        "glossary.nrr.name": "Net revenue retention (NRR)",
        "glossary.nrr.definition": (
            "Revenue kept from the customers of a start date, including their expansion; "
            "new business and reactivation are excluded. cskit's headline: 12-month NRR "
            "(returns excluded); a monthly figure is always labelled 'monthly'."
        ),
        "glossary.nrr.formula": "(start MRR + expansion − contraction − churn) ÷ start MRR",
        "glossary.grr.name": "Gross revenue retention (GRR)",
        "glossary.grr.definition": (
            "Like NRR but without expansion, so it never exceeds 100 %. Headline: 12 months."
        ),
        "glossary.grr.formula": "(start MRR − contraction − churn) ÷ start MRR",
        "glossary.ltv.name": "Customer lifetime value (LTV / CLV)",
        "glossary.ltv.definition": (
            "Revenue (or margin) expected from a customer over its lifetime. The 6-metrics "
            "article's 'subtract the frequency' is a translation error: it is a product. "
            "Undefined at zero churn. cskit's headline: revenue LTV (before gross margin) with "
            "the trailing 12-month mean churn; a margin gives profit LTV."
        ),
        "glossary.ltv.formula": "LTV = ARPA × gross margin ÷ churn rate (same time unit)",
        "glossary.crc.name": "Customer retention cost (CRC)",
        "glossary.crc.definition": (
            "What keeping customers costs: CS and support salaries, engagement programmes, "
            "training, customer marketing. The 16-KPI article prints the CLV formula here by "
            "mistake."
        ),
        "glossary.crc.formula": "retention spend ÷ customers (or ÷ customers retained)",
        "glossary.repeat_rate.name": "Repeat rate",
        "glossary.repeat_rate.definition": (
            "Share of new customers who buy or use again at least once within a window."
        ),
        "glossary.repeat_rate.formula": "new customers with a second purchase ÷ new customers",
        "glossary.upsell.name": "Upsell and cross-sell rate",
        "glossary.upsell.definition": (
            "Accounts that upgraded their plan (upsell) or added a product line (cross-sell); "
            "watch churn after campaign-driven upsells."
        ),
        "glossary.upsell.formula": "accounts that upgraded (or added a product) ÷ active accounts",
        "glossary.quick_ratio.name": "SaaS quick ratio",
        "glossary.quick_ratio.definition": "MRR gained for each unit of MRR lost.",
        "glossary.quick_ratio.formula": "(new + expansion + reactivation) ÷ (contraction + churn)",
        "glossary.conversion.name": "Conversion rate (free to paid)",
        "glossary.conversion.definition": (
            "Share of trials (or visitors, leads) that convert; count trials that ended in the "
            "window."
        ),
        "glossary.conversion.formula": "converted ÷ trials ended in the window",
        "glossary.cohort_retention.name": "Cohort retention",
        "glossary.cohort_retention.definition": (
            "Customers (or revenue) of a signup cohort still active N months later."
        ),
        "glossary.cohort_retention.formula": "active in month N of the cohort ÷ cohort size",
        "glossary.nps.name": "Net Promoter Score (NPS)",
        "glossary.nps.definition": (
            "'How likely are you to recommend us?' on 0–10 (not 1–10): 9–10 promoters, 7–8 "
            "passives, 0–6 detractors. Report it with its interval."
        ),
        "glossary.nps.formula": "% promoters − % detractors (−100 … 100)",
        "glossary.csat.name": "Customer satisfaction (CSAT)",
        "glossary.csat.definition": (
            "Share of satisfied answers on a 1–5 scale (4–5, top-2-box), or the mean score; "
            "the two are not comparable."
        ),
        "glossary.csat.formula": "answers 4–5 ÷ all answers",
        "glossary.ces.name": "Customer effort score (CES)",
        "glossary.ces.definition": (
            "How easy an action was, on a 7-point agreement scale; some surveys are inverted "
            "(1 = very easy)."
        ),
        "glossary.ces.formula": "answers 5–7 ÷ all answers (or the mean score)",
        "glossary.feedback.name": "Qualitative feedback",
        "glossary.feedback.definition": (
            "Themes and keywords of open-text answers per segment (detractors vs promoters), "
            "with counts and example comments."
        ),
        "glossary.feedback.formula": "comments mentioning a theme ÷ comments, per segment",
        "glossary.ticket_volume.name": "Monthly ticket volume",
        "glossary.ticket_volume.definition": (
            "Support tickets per month, without spam; per 100 active accounts, because a spike "
            "may only mean more customers."
        ),
        "glossary.ticket_volume.formula": "tickets in month ÷ active accounts × 100",
        "glossary.response_time.name": "First response time",
        "glossary.response_time.definition": (
            "Time from a ticket's creation to the first reply; the median resists outliers."
        ),
        "glossary.response_time.formula": "median(first response − created)",
        "glossary.fcr.name": "First contact resolution (FCR)",
        "glossary.fcr.definition": (
            "Share of tickets solved at the first contact. State the definition: replies "
            "allowed, reopens, spam and dropped contacts, denominator."
        ),
        "glossary.fcr.formula": "tickets resolved with ≤ 1 agent reply and not reopened ÷ resolved tickets",
        "glossary.stickiness.name": "Stickiness (DAU/MAU)",
        "glossary.stickiness.definition": (
            "How many monthly users come back daily. Define 'active' (which events) and the "
            "window first. cskit's headline: DAU / trailing-28-day MAU; calendar-month MAU only "
            "as a labelled comparison."
        ),
        "glossary.stickiness.formula": "mean over the month's days of DAU ÷ trailing-28-day MAU",
        "glossary.session_duration.name": "Average session duration",
        "glossary.session_duration.definition": (
            "Time per session; sessions given or derived from events with an inactivity "
            "timeout (e.g. 30 minutes)."
        ),
        "glossary.session_duration.formula": "total session seconds ÷ sessions",
        "glossary.usage.name": "Product usage rate",
        "glossary.usage.definition": (
            "Frequency (active days), breadth (share of seats active) and depth (share of key "
            "features used) per account."
        ),
        "glossary.usage.formula": "active seats ÷ seats (breadth); features used ÷ key features (depth)",
        "glossary.first_login.name": "First-login rate",
        "glossary.first_login.definition": (
            "Sub-KPI of churn: new accounts that logged in within N days."
        ),
        "glossary.first_login.formula": "new accounts with a login within N days ÷ new accounts",
        "glossary.health.name": "Customer health score",
        "glossary.health.definition": (
            "Weighted mean of component scores (frequency, breadth, depth, growth …) on 0–100, "
            "banded red / yellow / green; backtest it against later churn."
        ),
        "glossary.health.formula": "Σ wᵢ·xᵢ ÷ Σ wᵢ",
    },
    "ko": {
        "glossary.col.term": "용어",
        "glossary.col.definition": "정의",
        "glossary.col.formula": "공식",
        "glossary.col.table": "테이블",
        "glossary.col.method": "df.cs 메서드",
        "glossary.col.explainer": "설명 위젯",
        "glossary.churn.name": "고객 이탈률",
        "glossary.churn.definition": (
            "기간 중 잃은 고객의 비율. 출처마다 분모가 다르며, cskit은 기초 고객 수를 기본으로 하고 "
            "평균과 기초 + 신규도 제공합니다."
        ),
        "glossary.churn.formula": "이탈 고객 수 ÷ 기초 고객 수",
        "glossary.revenue_churn.name": "매출 이탈률(총 / 순)",
        "glossary.revenue_churn.definition": (
            "해지와 다운그레이드로 잃은 반복 매출. 순 이탈률은 확장과 재활성화도 빼므로 "
            "음수가 될 수 있습니다(좋은 신호)."
        ),
        "glossary.revenue_churn.formula": (
            "총 = (이탈 + 축소) ÷ 기초 MRR; 순 = (이탈 + 축소 − 확장 − 재활성화) ÷ 기초 MRR"
        ),
        "glossary.mrr.name": "월간 반복 매출(MRR)",
        "glossary.mrr.definition": (
            "한 달 기준으로 환산한 반복 매출(연 600 = 월 50), 할인 후, 일회성·종량 과금 제외. "
            "ARPU × 사용자 수는 항등식일 뿐 계산 방법이 아닙니다."
        ),
        "glossary.mrr.formula": "활성 구독 라인별 가격 ÷ 결제 주기 개월 수의 합",
        "glossary.mrr_movements.name": "MRR 변동",
        "glossary.mrr_movements.definition": (
            "한 달 동안 MRR을 바꾼 요인: 신규, 확장, 축소, 이탈, 재활성화"
            "(돌아온 고객은 신규가 아니라 재활성화)."
        ),
        "glossary.mrr_movements.formula": "기초 + 신규 + 확장 − 축소 − 이탈 + 재활성화 = 기말",
        "glossary.arpa.name": "계정당 평균 매출(ARPA / ARPU)",
        "glossary.arpa.definition": (
            "기간 중 유료 계정(또는 사용자)당 매출. 한 고객의 구독은 먼저 합칩니다."
        ),
        "glossary.arpa.formula": "MRR ÷ 유료 계정 수",
        "glossary.nrr.name": "순매출 유지율(NRR)",
        "glossary.nrr.definition": (
            "시작 시점 고객에게서 유지한 매출(확장 포함). 신규 매출과 재활성화는 제외. "
            "cskit 헤드라인은 12개월 NRR(복귀 고객 제외)이며, 월간 수치에는 항상 '월간'이라고 표시합니다."
        ),
        "glossary.nrr.formula": "(기초 MRR + 확장 − 축소 − 이탈) ÷ 기초 MRR",
        "glossary.grr.name": "총매출 유지율(GRR)",
        "glossary.grr.definition": "NRR과 같지만 확장을 빼므로 100%를 넘지 않습니다. 헤드라인은 12개월.",
        "glossary.grr.formula": "(기초 MRR − 축소 − 이탈) ÷ 기초 MRR",
        "glossary.ltv.name": "고객 생애 가치(LTV / CLV)",
        "glossary.ltv.definition": (
            "고객 한 명이 관계 전체에서 가져올 것으로 기대되는 매출(또는 이익). 6가지 지표 글의 "
            "'빈도를 뺀다'는 번역 오류이며 곱셈입니다. 이탈률 0에서는 정의되지 않습니다. "
            "cskit 헤드라인은 최근 12개월 평균 이탈률로 계산한 매출 LTV(매출총이익률 적용 전)입니다."
        ),
        "glossary.ltv.formula": "LTV = ARPA × 매출총이익률 ÷ 이탈률(같은 시간 단위)",
        "glossary.crc.name": "고객 유지 비용(CRC)",
        "glossary.crc.definition": (
            "고객 유지에 드는 비용: CS·지원팀 급여, 참여 프로그램, 교육, 고객 마케팅. "
            "16가지 KPI 글은 여기에 CLV 공식을 잘못 실었습니다."
        ),
        "glossary.crc.formula": "유지 비용 ÷ 고객 수(또는 ÷ 유지된 고객 수)",
        "glossary.repeat_rate.name": "재구매율",
        "glossary.repeat_rate.definition": "신규 고객 중 일정 기간 안에 한 번 이상 다시 구매·사용한 비율.",
        "glossary.repeat_rate.formula": "두 번째 구매가 있는 신규 고객 ÷ 신규 고객",
        "glossary.upsell.name": "업셀·크로스셀 비율",
        "glossary.upsell.definition": (
            "요금제를 올린 계정(업셀) 또는 제품을 추가한 계정(크로스셀). 캠페인으로 업셀한 뒤의 "
            "이탈도 지켜보세요."
        ),
        "glossary.upsell.formula": "업그레이드(또는 제품 추가)한 계정 ÷ 활성 계정",
        "glossary.quick_ratio.name": "SaaS 퀵 레이쇼",
        "glossary.quick_ratio.definition": "잃은 MRR 1단위당 얻은 MRR.",
        "glossary.quick_ratio.formula": "(신규 + 확장 + 재활성화) ÷ (축소 + 이탈)",
        "glossary.conversion.name": "전환율(무료 → 유료)",
        "glossary.conversion.definition": (
            "체험(또는 방문자, 리드) 중 전환한 비율. 기간 안에 끝난 체험을 셉니다."
        ),
        "glossary.conversion.formula": "전환 수 ÷ 기간 내 종료된 체험 수",
        "glossary.cohort_retention.name": "코호트 유지율",
        "glossary.cohort_retention.definition": "가입 코호트의 고객(또는 매출) 중 N개월 후에도 활성인 비율.",
        "glossary.cohort_retention.formula": "코호트 N개월 차 활성 고객 ÷ 코호트 크기",
        "glossary.nps.name": "순추천지수(NPS)",
        "glossary.nps.definition": (
            "'추천할 가능성은?'을 0–10점(1–10점이 아님)으로 묻습니다: 9–10 추천 고객, 7–8 중립 고객, "
            "0–6 비추천 고객. 신뢰구간과 함께 보고하세요."
        ),
        "glossary.nps.formula": "추천 고객 % − 비추천 고객 %(−100 ~ 100)",
        "glossary.csat.name": "고객 만족도(CSAT)",
        "glossary.csat.definition": (
            "1–5점 척도에서 만족(4–5점, 상위 2박스) 응답의 비율, 또는 평균 점수. 둘은 비교할 수 없습니다."
        ),
        "glossary.csat.formula": "4–5점 응답 ÷ 전체 응답",
        "glossary.ces.name": "고객 노력 점수(CES)",
        "glossary.ces.definition": (
            "어떤 행동이 얼마나 쉬웠는지 7점 동의 척도로 묻습니다. 역척도(1 = 매우 쉬움)인 설문도 있습니다."
        ),
        "glossary.ces.formula": "5–7점 응답 ÷ 전체 응답(또는 평균 점수)",
        "glossary.feedback.name": "정성적 피드백",
        "glossary.feedback.definition": (
            "세그먼트(비추천 고객 vs 추천 고객)별 주관식 응답의 주제와 키워드, 건수와 예시 코멘트."
        ),
        "glossary.feedback.formula": "주제를 언급한 코멘트 ÷ 전체 코멘트(세그먼트별)",
        "glossary.ticket_volume.name": "월간 티켓 수",
        "glossary.ticket_volume.definition": (
            "스팸을 뺀 월별 지원 티켓 수. 급증이 고객 증가 때문일 수 있으니 활성 계정 100개당으로도 봅니다."
        ),
        "glossary.ticket_volume.formula": "월 티켓 수 ÷ 활성 계정 수 × 100",
        "glossary.response_time.name": "첫 응답 시간",
        "glossary.response_time.definition": "티켓 생성부터 첫 답변까지의 시간. 중앙값은 이상치에 강합니다.",
        "glossary.response_time.formula": "중앙값(첫 응답 시각 − 생성 시각)",
        "glossary.fcr.name": "1차 해결률(FCR)",
        "glossary.fcr.definition": (
            "첫 응대에서 해결된 티켓의 비율. 허용 답변 수, 재오픈, 스팸·중도 이탈, 분모 등 정의를 밝히세요."
        ),
        "glossary.fcr.formula": "상담원 답변 1회 이하이고 재오픈되지 않은 티켓 ÷ 해결된 티켓",
        "glossary.stickiness.name": "고착도(DAU/MAU)",
        "glossary.stickiness.definition": (
            "월간 사용자 중 매일 돌아오는 비율. 먼저 '활성'(어떤 이벤트)과 기간을 정하세요. "
            "cskit 헤드라인은 DAU ÷ 최근 28일 MAU이며, 달력 월 MAU는 비교용으로만 표시합니다."
        ),
        "glossary.stickiness.formula": "그달 각 날짜의 DAU ÷ 최근 28일 MAU의 평균",
        "glossary.session_duration.name": "평균 세션 시간",
        "glossary.session_duration.definition": (
            "세션당 시간. 세션이 주어지거나 비활동 시간 기준(예: 30분)으로 이벤트에서 만듭니다."
        ),
        "glossary.session_duration.formula": "전체 세션 시간(초) ÷ 세션 수",
        "glossary.usage.name": "제품 사용률",
        "glossary.usage.definition": (
            "계정별 빈도(활성 일수), 폭(활성 좌석 비율), 깊이(핵심 기능 사용 비율)."
        ),
        "glossary.usage.formula": "활성 좌석 ÷ 좌석(폭); 사용 기능 ÷ 핵심 기능(깊이)",
        "glossary.first_login.name": "첫 로그인율",
        "glossary.first_login.definition": "이탈의 하위 KPI: N일 안에 로그인한 신규 계정의 비율.",
        "glossary.first_login.formula": "N일 안에 로그인한 신규 계정 ÷ 신규 계정",
        "glossary.health.name": "고객 건강 점수(헬스 스코어)",
        "glossary.health.definition": (
            "빈도, 폭, 깊이, 성장 등 지표 점수의 가중 평균(0–100), 빨강/노랑/초록 구간. "
            "이후의 이탈로 백테스트하세요."
        ),
        "glossary.health.formula": "Σ wᵢ·xᵢ ÷ Σ wᵢ",
    },
    "ja": {
        "glossary.col.term": "用語",
        "glossary.col.definition": "定義",
        "glossary.col.formula": "計算式",
        "glossary.col.table": "テーブル",
        "glossary.col.method": "df.cs メソッド",
        "glossary.col.explainer": "解説ウィジェット",
        "glossary.churn.name": "顧客解約率",
        "glossary.churn.definition": (
            "期間中に失った顧客の割合。出典ごとに分母が異なり、cskit は期首の顧客数を既定とし、"
            "平均と期首 + 新規も提供します。"
        ),
        "glossary.churn.formula": "解約顧客数 ÷ 期首の顧客数",
        "glossary.revenue_churn.name": "収益チャーン率（グロス / ネット）",
        "glossary.revenue_churn.definition": (
            "解約とダウングレードで失った経常収益。ネットは拡大と再開も差し引くため、"
            "マイナスになり得ます（良い兆候）。"
        ),
        "glossary.revenue_churn.formula": (
            "グロス = (解約 + 縮小) ÷ 期首MRR；ネット = (解約 + 縮小 − 拡大 − 再開) ÷ 期首MRR"
        ),
        "glossary.mrr.name": "月次経常収益（MRR）",
        "glossary.mrr.definition": (
            "1 か月あたりに換算した経常収益（年 600 = 月 50）、割引後、一時・従量課金を除く。"
            "ARPU × ユーザー数は恒等式で、計算方法ではありません。"
        ),
        "glossary.mrr.formula": "有効な契約ごとの価格 ÷ 請求期間の月数の合計",
        "glossary.mrr_movements.name": "MRR の内訳",
        "glossary.mrr_movements.definition": (
            "1 か月で MRR を変えた要因：新規、拡大、縮小、解約、再開（戻った顧客は新規ではなく再開）。"
        ),
        "glossary.mrr_movements.formula": "期首 + 新規 + 拡大 − 縮小 − 解約 + 再開 = 期末",
        "glossary.arpa.name": "顧客あたり平均売上（ARPA / ARPU）",
        "glossary.arpa.definition": (
            "期間中の有料アカウント（またはユーザー）あたりの売上。同じ顧客の契約は先に合算します。"
        ),
        "glossary.arpa.formula": "MRR ÷ 有料アカウント数",
        "glossary.nrr.name": "ネット売上維持率（NRR）",
        "glossary.nrr.definition": (
            "起点の顧客から維持した売上（拡大を含む）。新規売上と再開は除きます。"
            "cskit の見出しの数字は 12 か月 NRR（復帰顧客を除く）で、月次の数字には必ず「月次」と書きます。"
        ),
        "glossary.nrr.formula": "(期首MRR + 拡大 − 縮小 − 解約) ÷ 期首MRR",
        "glossary.grr.name": "グロス売上維持率（GRR）",
        "glossary.grr.definition": "NRR と同じですが拡大を含めないため、100% を超えません。見出しは 12 か月。",
        "glossary.grr.formula": "(期首MRR − 縮小 − 解約) ÷ 期首MRR",
        "glossary.ltv.name": "顧客生涯価値（LTV / CLV）",
        "glossary.ltv.definition": (
            "1 顧客が関係全体でもたらすと期待される売上（または利益）。6 指標の記事の"
            "「頻度を引く」は翻訳の誤りで、掛け算です。解約率 0 では定義できません。"
            "cskit の見出しは直近 12 か月の平均解約率による売上ベースの LTV（粗利率を掛ける前）です。"
        ),
        "glossary.ltv.formula": "LTV = ARPA × 粗利率 ÷ 解約率（同じ時間単位）",
        "glossary.crc.name": "顧客維持コスト（CRC）",
        "glossary.crc.definition": (
            "顧客を維持する費用：CS・サポートの人件費、エンゲージメント施策、トレーニング、"
            "顧客マーケティング。16 KPI の記事はここに CLV の式を誤って載せています。"
        ),
        "glossary.crc.formula": "維持コスト ÷ 顧客数（または ÷ 維持した顧客数）",
        "glossary.repeat_rate.name": "リピート率",
        "glossary.repeat_rate.definition": "新規顧客のうち、一定期間内に 1 回以上再購入・再利用した割合。",
        "glossary.repeat_rate.formula": "2 回目の購入がある新規顧客 ÷ 新規顧客",
        "glossary.upsell.name": "アップセル率・クロスセル率",
        "glossary.upsell.definition": (
            "プランを上げたアカウント（アップセル）や製品を追加したアカウント（クロスセル）。"
            "キャンペーンによるアップセル後の解約にも注意。"
        ),
        "glossary.upsell.formula": "アップグレード（または製品追加）したアカウント ÷ 有効アカウント",
        "glossary.quick_ratio.name": "SaaS クイックレシオ",
        "glossary.quick_ratio.definition": "失った MRR 1 に対して得た MRR。",
        "glossary.quick_ratio.formula": "(新規 + 拡大 + 再開) ÷ (縮小 + 解約)",
        "glossary.conversion.name": "コンバージョン率（無料から有料）",
        "glossary.conversion.definition": (
            "トライアル（または訪問者、リード）のうち転換した割合。期間内に終了したトライアルを数えます。"
        ),
        "glossary.conversion.formula": "転換数 ÷ 期間内に終了したトライアル数",
        "glossary.cohort_retention.name": "コホート継続率",
        "glossary.cohort_retention.definition": "登録コホートの顧客（または売上）のうち N か月後も有効な割合。",
        "glossary.cohort_retention.formula": "コホートの N か月目の有効顧客 ÷ コホートの規模",
        "glossary.nps.name": "ネットプロモータースコア（NPS）",
        "glossary.nps.definition": (
            "「薦める可能性は？」を 0–10（1–10 ではない）で尋ねます：9–10 推奨者、7–8 中立者、"
            "0–6 批判者。信頼区間とともに報告しましょう。"
        ),
        "glossary.nps.formula": "推奨者の割合 − 批判者の割合（−100〜100）",
        "glossary.csat.name": "顧客満足度（CSAT）",
        "glossary.csat.definition": (
            "1–5 の尺度で満足（4–5、トップ 2 ボックス）と答えた割合、または平均点。両者は比較できません。"
        ),
        "glossary.csat.formula": "4–5 の回答 ÷ 全回答",
        "glossary.ces.name": "カスタマーエフォートスコア（CES）",
        "glossary.ces.definition": (
            "ある行動がどれだけ簡単だったかを 7 段階の同意尺度で尋ねます。逆転尺度（1 = とても簡単）もあります。"
        ),
        "glossary.ces.formula": "5–7 の回答 ÷ 全回答（または平均点）",
        "glossary.feedback.name": "定性的フィードバック",
        "glossary.feedback.definition": (
            "セグメント（批判者と推奨者）ごとの自由回答のテーマとキーワード、件数とコメント例。"
        ),
        "glossary.feedback.formula": "テーマに触れたコメント ÷ コメント（セグメント別）",
        "glossary.ticket_volume.name": "月間チケット数",
        "glossary.ticket_volume.definition": (
            "スパムを除いた月ごとのサポートチケット数。急増は顧客増のせいかもしれないので、"
            "有効アカウント 100 件あたりでも見ます。"
        ),
        "glossary.ticket_volume.formula": "月のチケット数 ÷ 有効アカウント数 × 100",
        "glossary.response_time.name": "初回応答時間",
        "glossary.response_time.definition": "チケット作成から最初の返信までの時間。中央値は外れ値に強い指標です。",
        "glossary.response_time.formula": "中央値（初回応答時刻 − 作成時刻）",
        "glossary.fcr.name": "一次解決率（FCR）",
        "glossary.fcr.definition": (
            "最初のやり取りで解決したチケットの割合。許容する返信回数、再オープン、スパム・途中切断、"
            "分母などの定義を明記しましょう。"
        ),
        "glossary.fcr.formula": "担当者の返信が 1 回以下で再オープンのないチケット ÷ 解決済みチケット",
        "glossary.stickiness.name": "スティッキネス（DAU/MAU）",
        "glossary.stickiness.definition": (
            "月間ユーザーのうち毎日戻ってくる割合。まず「アクティブ」（どのイベント）と期間"
            "を決めましょう。cskit の見出しは DAU ÷ 直近 28 日 MAU で、暦月の MAU は比較用です。"
        ),
        "glossary.stickiness.formula": "その月の各日の DAU ÷ 直近 28 日 MAU の平均",
        "glossary.session_duration.name": "平均セッション時間",
        "glossary.session_duration.definition": (
            "セッションあたりの時間。セッションが与えられるか、無操作時間（例：30 分）でイベントから作ります。"
        ),
        "glossary.session_duration.formula": "全セッション秒数 ÷ セッション数",
        "glossary.usage.name": "製品利用率",
        "glossary.usage.definition": (
            "アカウントごとの頻度（アクティブ日数）、幅（アクティブなシートの割合）、"
            "深さ（主要機能の利用割合）。"
        ),
        "glossary.usage.formula": "アクティブなシート ÷ シート（幅）；利用機能 ÷ 主要機能（深さ）",
        "glossary.first_login.name": "初回ログイン率",
        "glossary.first_login.definition": "解約のサブ KPI：N 日以内にログインした新規アカウントの割合。",
        "glossary.first_login.formula": "N 日以内にログインした新規アカウント ÷ 新規アカウント",
        "glossary.health.name": "ヘルススコア",
        "glossary.health.definition": (
            "頻度・幅・深さ・成長などの指標スコアの加重平均（0–100）、赤・黄・緑の帯。"
            "後の解約でバックテストしましょう。"
        ),
        "glossary.health.formula": "Σ wᵢ·xᵢ ÷ Σ wᵢ",
    },
    "zh-Hant": {
        "glossary.col.term": "名詞",
        "glossary.col.definition": "定義",
        "glossary.col.formula": "公式",
        "glossary.col.table": "資料表",
        "glossary.col.method": "df.cs 方法",
        "glossary.col.explainer": "解說小工具",
        "glossary.churn.name": "客戶流失率",
        "glossary.churn.definition": (
            "期間內流失的客戶比例。各來源的分母不同；cskit 預設用期初客戶數，也提供平均與期初 + 新增。"
        ),
        "glossary.churn.formula": "流失客戶數 ÷ 期初客戶數",
        "glossary.revenue_churn.name": "收入流失率（總 / 淨）",
        "glossary.revenue_churn.definition": (
            "因取消與降級而失去的經常性收入；淨流失率還扣除擴充與回流，所以可能為負（好事）。"
        ),
        "glossary.revenue_churn.formula": (
            "總 = (流失 + 縮減) ÷ 期初 MRR；淨 = (流失 + 縮減 − 擴充 − 回流) ÷ 期初 MRR"
        ),
        "glossary.mrr.name": "每月經常性收入（MRR）",
        "glossary.mrr.definition": (
            "換算成一個月的經常性收入（每年 600 = 每月 50），扣除折扣，不含一次性與用量計費。"
            "ARPU × 使用者數只是恆等式，不是計算方法。"
        ),
        "glossary.mrr.formula": "有效訂閱項目的價格 ÷ 計費週期月數的總和",
        "glossary.mrr_movements.name": "MRR 變動",
        "glossary.mrr_movements.definition": (
            "一個月內改變 MRR 的因素：新增、擴充、縮減、流失、回流（回來的客戶是回流，不是新增）。"
        ),
        "glossary.mrr_movements.formula": "期初 + 新增 + 擴充 − 縮減 − 流失 + 回流 = 期末",
        "glossary.arpa.name": "每帳戶平均收入（ARPA / ARPU）",
        "glossary.arpa.definition": "期間內每個付費帳戶（或使用者）的收入；同一客戶的訂閱先合併。",
        "glossary.arpa.formula": "MRR ÷ 付費帳戶數",
        "glossary.nrr.name": "淨收入留存率（NRR）",
        "glossary.nrr.definition": (
            "從起始日客戶留住的收入（含擴充）；不含新業務與回流。cskit 的主要數字是 12 個月 NRR"
            "（排除回流客戶）；月數字一律標示「月」。"
        ),
        "glossary.nrr.formula": "(期初 MRR + 擴充 − 縮減 − 流失) ÷ 期初 MRR",
        "glossary.grr.name": "總收入留存率（GRR）",
        "glossary.grr.definition": "與 NRR 相同但不含擴充，所以永遠不超過 100%。主要數字為 12 個月。",
        "glossary.grr.formula": "(期初 MRR − 縮減 − 流失) ÷ 期初 MRR",
        "glossary.ltv.name": "客戶終身價值（LTV / CLV）",
        "glossary.ltv.definition": (
            "一位客戶在整段關係中預期帶來的收入（或利潤）。6 項指標文章的「減去頻率」是翻譯錯誤，"
            "應是相乘。流失率為 0 時沒有定義。cskit 的主要數字是以近 12 個月平均流失率計算的收入 LTV"
            "（未乘毛利率）。"
        ),
        "glossary.ltv.formula": "LTV = ARPA × 毛利率 ÷ 流失率（相同時間單位）",
        "glossary.crc.name": "客戶保留成本（CRC）",
        "glossary.crc.definition": (
            "留住客戶的花費：客戶成功與客服薪資、參與計畫、培訓、客戶行銷。16 項 KPI 文章在這裡誤印了 "
            "CLV 公式。"
        ),
        "glossary.crc.formula": "保留支出 ÷ 客戶數（或 ÷ 留住的客戶數）",
        "glossary.repeat_rate.name": "回購率",
        "glossary.repeat_rate.definition": "新客戶中在一段期間內至少再購買或使用一次的比例。",
        "glossary.repeat_rate.formula": "有第二次購買的新客戶 ÷ 新客戶",
        "glossary.upsell.name": "向上銷售率與交叉銷售率",
        "glossary.upsell.definition": (
            "升級方案的帳戶（向上銷售）或新增產品的帳戶（交叉銷售）；留意活動帶動升級後的流失。"
        ),
        "glossary.upsell.formula": "升級（或新增產品）的帳戶 ÷ 活躍帳戶",
        "glossary.quick_ratio.name": "SaaS 快速比率",
        "glossary.quick_ratio.definition": "每失去一單位 MRR 所獲得的 MRR。",
        "glossary.quick_ratio.formula": "(新增 + 擴充 + 回流) ÷ (縮減 + 流失)",
        "glossary.conversion.name": "轉換率（免費轉付費）",
        "glossary.conversion.definition": "試用（或訪客、潛在客戶）中轉換的比例；計算期間內結束的試用。",
        "glossary.conversion.formula": "轉換數 ÷ 期間內結束的試用數",
        "glossary.cohort_retention.name": "同期群留存率",
        "glossary.cohort_retention.definition": "註冊同期群的客戶（或收入）在 N 個月後仍然活躍的比例。",
        "glossary.cohort_retention.formula": "同期群第 N 個月的活躍客戶 ÷ 同期群人數",
        "glossary.nps.name": "淨推薦值（NPS）",
        "glossary.nps.definition": (
            "以 0–10 分（不是 1–10）詢問「推薦的可能性」：9–10 推薦者、7–8 中立者、0–6 貶損者。"
            "請連同信賴區間一起報告。"
        ),
        "glossary.nps.formula": "推薦者 % − 貶損者 %（−100 到 100）",
        "glossary.csat.name": "客戶滿意度（CSAT）",
        "glossary.csat.definition": (
            "1–5 分量表中回答滿意（4–5 分，Top-2-box）的比例，或平均分數；兩者不能互相比較。"
        ),
        "glossary.csat.formula": "4–5 分的回答 ÷ 全部回答",
        "glossary.ces.name": "客戶費力度（CES）",
        "glossary.ces.definition": (
            "以 7 點同意量表詢問某個動作有多容易；有些問卷是反向的（1 = 非常容易）。"
        ),
        "glossary.ces.formula": "5–7 分的回答 ÷ 全部回答（或平均分數）",
        "glossary.feedback.name": "質性回饋",
        "glossary.feedback.definition": "各區隔（貶損者與推薦者）開放式回答的主題與關鍵字，附次數與範例留言。",
        "glossary.feedback.formula": "提到某主題的留言 ÷ 留言（依區隔）",
        "glossary.ticket_volume.name": "每月工單量",
        "glossary.ticket_volume.definition": (
            "扣除垃圾訊息後的每月客服工單數；也看每 100 個活躍帳戶的工單數，因為暴增可能只是客戶變多。"
        ),
        "glossary.ticket_volume.formula": "當月工單數 ÷ 活躍帳戶數 × 100",
        "glossary.response_time.name": "首次回應時間",
        "glossary.response_time.definition": "從工單建立到第一次回覆的時間；中位數不受極端值影響。",
        "glossary.response_time.formula": "中位數（首次回應時間 − 建立時間）",
        "glossary.fcr.name": "首次聯絡解決率（FCR）",
        "glossary.fcr.definition": (
            "第一次聯絡就解決的工單比例。請說明定義：允許的回覆次數、重新開啟、垃圾訊息與中途斷線、分母。"
        ),
        "glossary.fcr.formula": "客服回覆不超過 1 次且未重新開啟的工單 ÷ 已解決工單",
        "glossary.stickiness.name": "黏著度（DAU/MAU）",
        "glossary.stickiness.definition": (
            "月活躍使用者中每天回來的比例。先定義「活躍」（哪些事件）與期間。cskit 的主要數字是"
            "DAU ÷ 近 28 天 MAU；日曆月 MAU 只作為對照。"
        ),
        "glossary.stickiness.formula": "當月每天 DAU ÷ 近 28 天 MAU 的平均",
        "glossary.session_duration.name": "平均工作階段時間",
        "glossary.session_duration.definition": (
            "每個工作階段的時間；工作階段由資料提供，或依閒置逾時（例如 30 分鐘）從事件推得。"
        ),
        "glossary.session_duration.formula": "工作階段總秒數 ÷ 工作階段數",
        "glossary.usage.name": "產品使用率",
        "glossary.usage.definition": "每個帳戶的頻率（活躍天數）、廣度（活躍席次比例）與深度（關鍵功能使用比例）。",
        "glossary.usage.formula": "活躍席次 ÷ 席次（廣度）；使用的功能 ÷ 關鍵功能（深度）",
        "glossary.first_login.name": "首次登入率",
        "glossary.first_login.definition": "流失的子 KPI：N 天內登入的新帳戶比例。",
        "glossary.first_login.formula": "N 天內登入的新帳戶 ÷ 新帳戶",
        "glossary.health.name": "客戶健康分數",
        "glossary.health.definition": (
            "頻率、廣度、深度、成長等指標分數的加權平均（0–100），分為紅、黃、綠；"
            "請以之後的流失進行回測。"
        ),
        "glossary.health.formula": "Σ wᵢ·xᵢ ÷ Σ wᵢ",
    },
}
