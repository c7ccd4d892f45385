"""Labels of the monthly report's customer-health section."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "report.health.checked_unchecked": (
            "The score cannot be checked yet: no month before {month} has {horizon} months of "
            "outcome after it."
        ),
        "report.health.moved": (
            "{n} paying accounts moved to the red health band in {month}; the ten with the most "
            "MRR at risk:"
        ),
        "report.health.none": "No paying account moved to the red health band in {month}.",
        "report.health.account": "Account",
        "report.health.name": "Name",
        "report.health.segment": "Segment",
        "report.health.mrr": "MRR at risk",
        "report.health.previous_band": "Band last month",
        "report.health.previous_score": "Score last month",
        "report.health.score": "Score",
        "report.health.change": "Change",
        "report.health.reasons": "What pulled the score down",
        "report.health.checked_default": (
            "How the score was checked: the default score of each month {first} to {last} "
            "against churn in the {horizon} months after it ({n} account-months): AUC {auc} "
            "(0.5 = a coin toss, 1 = every account that churned scored below every account "
            "that stayed)."
        ),
        "report.health.checked_calibrated": (
            "How the score was checked: weights and bands were fitted on {fit_first} to "
            "{fit_last} and judged only on later months, {first} to {last} ({n} account-months), "
            "against churn in the {horizon} months after each: AUC {auc} on those later months "
            "({auc_fit} on the fitted ones)."
        ),
        "report.health.band_share": "{band} {share}",
        "report.health.shares": "Paying accounts by band in {month}: {shares}.",
        "report.health.ranked": (
            "Part of this score ranks accounts against each other, so a fixed share of accounts "
            "is always in the lowest band, however healthy the base is."
        ),
    },
    "ko": {
        "report.health.checked_unchecked": (
            "아직 점수를 검증할 수 없습니다: {month} 이전에 그 뒤 {horizon}개월의 결과가 있는 달이 "
            "없습니다."
        ),
        "report.health.moved": (
            "{month}에 유료 계정 {n}곳이 레드(위험) 헬스 등급으로 떨어졌습니다. 위험에 처한 MRR이 "
            "큰 10곳:"
        ),
        "report.health.none": "{month}에 레드(위험) 헬스 등급으로 떨어진 유료 계정은 없습니다.",
        "report.health.account": "계정",
        "report.health.name": "이름",
        "report.health.segment": "세그먼트",
        "report.health.mrr": "위험 MRR",
        "report.health.previous_band": "지난달 등급",
        "report.health.previous_score": "지난달 점수",
        "report.health.score": "점수",
        "report.health.change": "변화",
        "report.health.reasons": "점수를 끌어내린 요인",
        "report.health.checked_default": (
            "점수 검증 방법: {first}~{last} 각 월의 기본 점수를 그 뒤 {horizon}개월 안의 이탈과 "
            "비교했습니다({n}계정·월). AUC {auc}(0.5 = 동전 던지기, 1 = 이탈한 모든 계정이 남은 "
            "모든 계정보다 낮은 점수)."
        ),
        "report.health.checked_calibrated": (
            "점수 검증 방법: 가중치와 등급 기준은 {fit_first}~{fit_last}에 맞추고, 그 뒤의 달 "
            "{first}~{last}({n}계정·월)에서만 각 월 뒤 {horizon}개월 안의 이탈로 평가했습니다. "
            "이후 달의 AUC {auc}(맞춘 기간 {auc_fit})."
        ),
        "report.health.band_share": "{band} {share}",
        "report.health.shares": "{month} 등급별 유료 계정: {shares}.",
        "report.health.ranked": (
            "이 점수의 일부는 계정끼리의 순위이므로, 고객 기반이 아무리 건강해도 일정 비율의 "
            "계정은 항상 가장 낮은 등급에 들어갑니다."
        ),
    },
    "ja": {
        "report.health.checked_unchecked": (
            "まだスコアを検証できません：{month}より前に、その後{horizon}か月の結果がそろった月が"
            "ありません。"
        ),
        "report.health.moved": (
            "{month}に有料アカウント{n}社がヘルススコアのレッド（危険）帯に移りました。"
            "リスクにさらされたMRRの大きい10社："
        ),
        "report.health.none": "{month}にヘルススコアのレッド（危険）帯に移った有料アカウントはありません。",
        "report.health.account": "アカウント",
        "report.health.name": "名称",
        "report.health.segment": "セグメント",
        "report.health.mrr": "リスクのあるMRR",
        "report.health.previous_band": "先月の帯",
        "report.health.previous_score": "先月のスコア",
        "report.health.score": "スコア",
        "report.health.change": "変化",
        "report.health.reasons": "スコアを下げた要因",
        "report.health.checked_default": (
            "スコアの検証方法：{first}〜{last}の各月の既定スコアを、その後{horizon}か月以内の"
            "解約と照合しました（{n}アカウント・月）。AUC {auc}（0.5 = コイン投げ、1 = 解約した"
            "全アカウントが継続した全アカウントより低いスコア）。"
        ),
        "report.health.checked_calibrated": (
            "スコアの検証方法：重みと帯の境界は{fit_first}〜{fit_last}で当てはめ、その後の月"
            "{first}〜{last}（{n}アカウント・月）だけで、各月の後{horizon}か月以内の解約と照合"
            "しました。後の月のAUC {auc}（当てはめた期間では{auc_fit}）。"
        ),
        "report.health.band_share": "{band} {share}",
        "report.health.shares": "{month}の帯別の有料アカウント：{shares}。",
        "report.health.ranked": (
            "このスコアの一部はアカウント同士の順位なので、顧客基盤がどれほど健全でも、一定の"
            "割合のアカウントが常に最も低い帯に入ります。"
        ),
    },
    "zh-Hant": {
        "report.health.checked_unchecked": (
            "目前還無法驗證分數：{month} 之前沒有任何月份已有之後 {horizon} 個月的結果。"
        ),
        "report.health.moved": (
            "{month} 有 {n} 個付費帳戶落入紅色（高風險）健康度區間；面臨風險的 MRR 最高的 10 個："
        ),
        "report.health.none": "{month} 沒有付費帳戶落入紅色（高風險）健康度區間。",
        "report.health.account": "帳戶",
        "report.health.name": "名稱",
        "report.health.segment": "區隔",
        "report.health.mrr": "面臨風險的 MRR",
        "report.health.previous_band": "上月區間",
        "report.health.previous_score": "上月分數",
        "report.health.score": "分數",
        "report.health.change": "變化",
        "report.health.reasons": "拉低分數的因素",
        "report.health.checked_default": (
            "分數如何驗證：把 {first} 至 {last} 每個月的預設分數，與該月之後 {horizon} 個月內"
            "的流失比對（{n} 個帳戶月）：AUC {auc}（0.5 = 擲硬幣，1 = 每個流失帳戶的分數都低於"
            "每個留下的帳戶）。"
        ),
        "report.health.checked_calibrated": (
            "分數如何驗證：權重與區間門檻以 {fit_first} 至 {fit_last} 擬合，只用之後的月份 "
            "{first} 至 {last}（{n} 個帳戶月）與各月之後 {horizon} 個月內的流失比對：之後月份的 "
            "AUC {auc}（擬合期間為 {auc_fit}）。"
        ),
        "report.health.band_share": "{band} {share}",
        "report.health.shares": "{month} 各區間的付費帳戶：{shares}。",
        "report.health.ranked": (
            "這個分數有一部分是帳戶之間的排名，所以無論客戶群多健康，總有固定比例的帳戶落在"
            "最低的區間。"
        ),
    },
}
