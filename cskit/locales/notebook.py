"""Messages of the KPI notebooks when a data folder lacks the tables they need."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "notebook.missing_survey": (
            "This notebook needs {survey} answers (rows with survey = {survey!r}) in the "
            "surveys table of {folder}, which has only: {present}. The rest of the notebook "
            "is skipped."
        ),
        "notebook.missing_tables": (
            "This notebook needs the table(s) {missing}, which {folder} does not have "
            "(it has: {present}). Add {files} to the folder to run it. "
            "The rest of the notebook is skipped."
        ),
        "notebook.no_tables": "none",
    },
    "ko": {
        "notebook.missing_survey": (
            "이 노트북에는 {folder}의 surveys 테이블에 {survey} 응답(survey = {survey!r}인 행)이 "
            "필요하지만, 있는 응답은 {present}뿐입니다. 노트북의 나머지 부분은 건너뜁니다."
        ),
        "notebook.missing_tables": (
            "이 노트북에는 {missing} 테이블이 필요하지만 {folder}에는 없습니다"
            "(있는 테이블: {present}). 실행하려면 폴더에 {files} 파일을 추가하세요. "
            "노트북의 나머지 부분은 건너뜁니다."
        ),
        "notebook.no_tables": "없음",
    },
    "ja": {
        "notebook.missing_survey": (
            "このノートブックには {folder} の surveys テーブルに {survey} の回答（survey = "
            "{survey!r} の行）が必要ですが、あるのは {present} だけです。ノートブックの残りは"
            "スキップします。"
        ),
        "notebook.missing_tables": (
            "このノートブックには {missing} テーブルが必要ですが、{folder} にはありません"
            "（あるテーブル：{present}）。実行するにはフォルダーに {files} を追加してください。"
            "ノートブックの残りはスキップします。"
        ),
        "notebook.no_tables": "なし",
    },
    "zh-Hant": {
        "notebook.missing_survey": (
            "這本筆記本需要 {folder} 的 surveys 資料表中有 {survey} 回覆（survey = {survey!r} "
            "的列），但只有 {present}。筆記本其餘部分將略過。"
        ),
        "notebook.missing_tables": (
            "這本筆記本需要 {missing} 資料表，但 {folder} 中沒有"
            "（現有資料表：{present}）。請在資料夾中加入 {files} 後再執行。"
            "筆記本其餘部分將略過。"
        ),
        "notebook.no_tables": "無",
    },
}
