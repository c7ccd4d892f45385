"""Messages of the KPI notebooks when a data folder lacks the tables they need."""

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "notebook.missing_tables": (
            "This notebook needs the table(s) {missing}, which {folder} does not have "
            "(it has: {present}). Add {files} to the folder to run it. "
            "The rest of the notebook is skipped."
        ),
        "notebook.no_tables": "none",
    },
    "ko": {
        "notebook.missing_tables": (
            "이 노트북에는 {missing} 테이블이 필요하지만 {folder}에는 없습니다"
            "(있는 테이블: {present}). 실행하려면 폴더에 {files} 파일을 추가하세요. "
            "노트북의 나머지 부분은 건너뜁니다."
        ),
        "notebook.no_tables": "없음",
    },
    "ja": {
        "notebook.missing_tables": (
            "このノートブックには {missing} テーブルが必要ですが、{folder} にはありません"
            "（あるテーブル: {present}）。実行するにはフォルダーに {files} を追加してください。"
            "ノートブックの残りはスキップします。"
        ),
        "notebook.no_tables": "なし",
    },
    "zh-Hant": {
        "notebook.missing_tables": (
            "這本筆記本需要 {missing} 資料表，但 {folder} 中沒有"
            "（現有資料表：{present}）。請在資料夾中加入 {files} 後再執行。"
            "筆記本其餘部分將略過。"
        ),
        "notebook.no_tables": "無",
    },
}
