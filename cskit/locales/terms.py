"""The terminology table: one term per concept in each language.

Every locale module writes a concept with the term below and never with one of
its ``VARIANTS`` (drift found by native readers: two Korean names for FCR, a
Mainland form in Traditional Chinese, 継続率 for both repeat purchase and
retention…). ``tests/test_terms.py`` fails on any text that uses a variant, and
on a KPI name that does not use its term. The terms are also texts
(``t("term.churn")``), so code can name a concept without hard-coding it.

To change a term, change it here and in the texts that use it; to add a
language, add a column to every row.
"""

from __future__ import annotations

#: concept → {language: term}. Columns: en, ko, ja, zh-Hant (Taiwan usage).
TERMS: dict[str, dict[str, str]] = {
    "churn_rate": {"en": "churn rate", "ko": "이탈률", "ja": "解約率", "zh-Hant": "流失率"},
    "revenue": {"en": "revenue", "ko": "매출", "ja": "収益", "zh-Hant": "收入"},
    "customer": {"en": "customer", "ko": "고객", "ja": "顧客", "zh-Hant": "客戶"},
    "account": {"en": "account", "ko": "계정", "ja": "アカウント", "zh-Hant": "帳戶"},
    "user": {"en": "user", "ko": "사용자", "ja": "ユーザー", "zh-Hant": "使用者"},
    "nrr": {"en": "NRR", "ko": "NRR", "ja": "NRR", "zh-Hant": "NRR"},
    "retention": {"en": "retention", "ko": "유지율", "ja": "継続率", "zh-Hant": "留存率"},
    "cohort": {"en": "cohort", "ko": "코호트", "ja": "コホート", "zh-Hant": "同期群"},
    "repeat_rate": {"en": "repeat rate", "ko": "재구매율", "ja": "リピート率", "zh-Hant": "回購率"},
    "fcr": {"en": "first contact resolution", "ko": "1차 해결률", "ja": "一次解決率",
            "zh-Hant": "首次聯絡解決率"},
    "ces": {"en": "customer effort score", "ko": "고객 노력 점수",
            "ja": "カスタマーエフォートスコア", "zh-Hant": "客戶費力度"},
    "csat": {"en": "customer satisfaction", "ko": "고객 만족도", "ja": "顧客満足度",
             "zh-Hant": "客戶滿意度"},
    "nps": {"en": "Net Promoter Score", "ko": "순추천지수", "ja": "ネットプロモータースコア",
            "zh-Hant": "淨推薦值"},
    "promoter": {"en": "promoter", "ko": "추천", "ja": "推奨者", "zh-Hant": "推薦者"},
    "passive": {"en": "passive", "ko": "중립", "ja": "中立者", "zh-Hant": "中立者"},
    "detractor": {"en": "detractor", "ko": "비추천", "ja": "批判者", "zh-Hant": "貶損者"},
    "contact": {"en": "contact", "ko": "문의", "ja": "問い合わせ", "zh-Hant": "聯絡"},
    "session": {"en": "session", "ko": "세션", "ja": "セッション", "zh-Hant": "工作階段"},
    "stickiness": {"en": "stickiness", "ko": "고착도", "ja": "スティッキネス", "zh-Hant": "黏著度"},
    "health_score": {"en": "health score", "ko": "건강 점수", "ja": "ヘルススコア",
                     "zh-Hant": "健康分數"},
    "mrr": {"en": "MRR", "ko": "MRR", "ja": "MRR", "zh-Hant": "MRR"},
}

#: language → {variant that must not appear: the concept whose term replaces it}.
VARIANTS: dict[str, dict[str, str]] = {
    "en": {"NDR": "nrr", "net dollar retention": "nrr", "Net dollar retention": "nrr"},
    "ko": {"해약률": "churn_rate", "해지율": "churn_rate", "첫 문의 해결": "fcr", "NDR": "nrr",
           "리텐션": "retention", "이용자": "user", "유저": "user", "계속률": "repeat_rate"},
    "ja": {"顧客努力指標": "ces", "NDR": "nrr", "継続率（リピート": "repeat_rate",
           "コホート別の継続率（購入": "repeat_rate", "離脱率": "churn_rate", "利用者": "user"},
    "zh-Hant": {"聯繫": "contact", "用戶": "user", "批評者": "detractor", "世代": "cohort",
                "顧客": "customer", "營收": "revenue", "持續率": "repeat_rate", "信息": "contact",
                "默認": "contact", "數據": "contact", "帳號": "account", "賬戶": "account",
                "會話": "session", "反饋": "contact", "質量": "contact"},
}
# Mainland-only words above map to a placeholder concept; the message names the Taiwan form.
TAIWAN_FORMS = {"信息": "資訊", "默認": "預設", "數據": "資料", "反饋": "回饋", "質量": "品質",
                "帳號": "帳戶", "賬戶": "帳戶", "會話": "工作階段"}

TEXTS: dict[str, dict[str, str]] = {
    lang: {f"term.{concept}": terms[lang] for concept, terms in TERMS.items()}
    for lang in ("en", "ko", "ja", "zh-Hant")
}
