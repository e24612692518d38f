<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ApplicantDialog</name>
    <message>
        <source>Applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <source>Na&amp;tionality</source>
        <translation>国籍(&amp;T)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>生年月日(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Passport number</source>
        <translation>旅券番号(&amp;P)</translation>
    </message>
    <message>
        <source>Passport &amp;valid until</source>
        <translation>旅券の有効期限(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Residence card number</source>
        <translation>在留カード番号(&amp;R)</translation>
    </message>
    <message>
        <source>Residence card valid &amp;until</source>
        <translation>在留カードの有効期限(&amp;U)</translation>
    </message>
</context>
<context>
    <name>AttachmentsModel</name>
    <message>
        <source>{count} page(s)</source>
        <translation>{count} ページ</translation>
    </message>
    <message>
        <source>{size:.1f} MB</source>
        <translation>{size:.1f} MB</translation>
    </message>
</context>
<context>
    <name>BreakdownModel</name>
    <message>
        <source>Row</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Evidence in your case</source>
        <translation>この案件の疎明資料</translation>
    </message>
    <message>
        <source>Double-click to open the document in your case.</source>
        <translation>ダブルクリックで案件の書類を開きます。</translation>
    </message>
    <message>
        <source>(no document listed for this item)</source>
        <translation>（この項目の書類はありません）</translation>
    </message>
    <message>
        <source>{count} file(s)</source>
        <translation>ファイル {count} 件</translation>
    </message>
    <message>
        <source>no file yet</source>
        <translation>ファイル未添付</translation>
    </message>
</context>
<context>
    <name>CaseDocumentsModel</name>
    <message>
        <source>Needed</source>
        <comment>document status: still to get</comment>
        <translation>未準備</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>依頼済み</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受領済み</translation>
    </message>
    <message>
        <source>Being translated</source>
        <translation>翻訳中</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出済み</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>Not needed</source>
        <comment>translation status</comment>
        <translation>不要</translation>
    </message>
    <message>
        <source>Needed</source>
        <comment>translation status: not started</comment>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>翻訳中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Certified</source>
        <translation>証明付き</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>発行日</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Too old</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Get from {date}</source>
        <translation>{date} 以降に取得</translation>
    </message>
    <message>
        <source>Until {date}</source>
        <translation>{date} まで有効</translation>
    </message>
    <message>
        <source>No longer on the route's list; kept because it holds your data.</source>
        <translation>現在の必要書類一覧にはありませんが、入力済みのデータがあるため残しています。</translation>
    </message>
    <message>
        <source>Double-click or press F2 to change</source>
        <translation>ダブルクリックまたは F2 キーで変更</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>My case</source>
        <translation>マイ案件</translation>
    </message>
    <message>
        <source>Applicants and cases</source>
        <translation>申請人と案件</translation>
    </message>
    <message>
        <source>New case…</source>
        <translation>新しい案件…</translation>
    </message>
    <message>
        <source>Answer a few questions and Zairyu lists the documents (Ctrl+N)</source>
        <translation>いくつかの質問に答えると、必要書類が一覧になります (Ctrl+N)</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Needs translation</source>
        <translation>翻訳が必要</translation>
    </message>
    <message>
        <source>Too old or expiring</source>
        <translation>期限切れ・期限間近</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Search documents…</source>
        <translation>書類を検索…</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>書類を検索</translation>
    </message>
    <message>
        <source>The case's documents</source>
        <translation>案件の書類</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your cases are not available.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{reason}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;案件を表示できません。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{reason}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No cases yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A case follows one application: its route, the documents and where each one stands.&lt;/p&gt;&lt;p&gt;Choose &lt;b&gt;New case…&lt;/b&gt; (Ctrl+N): a few questions, and Zairyu lists the documents your application needs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;案件はまだありません。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;案件は一つの申請を追跡します。在留資格、必要書類と各書類の進み具合です。&lt;/p&gt;&lt;p&gt;&lt;b&gt;新しい案件…&lt;/b&gt;（Ctrl+N）を選んでください。いくつかの質問に答えると、申請に必要な書類が一覧になります。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>employer category {number}</source>
        <translation>所属機関のカテゴリー{number}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{ready}&lt;/b&gt; of {total} documents ready</source>
        <translation>書類 {total} 件中 &lt;b&gt;{ready}&lt;/b&gt; 件準備済み</translation>
    </message>
    <message>
        <source>{count} translations outstanding</source>
        <translation>未完了の翻訳 {count} 件</translation>
    </message>
    <message>
        <source>next deadline: &lt;b&gt;{date}&lt;/b&gt; — {title}</source>
        <translation>次の期限: &lt;b&gt;{date}&lt;/b&gt; — {title}</translation>
    </message>
    <message>
        <source>filing planned for {date}</source>
        <translation>申請予定日 {date}</translation>
    </message>
    <message>
        <source>household: &lt;b&gt;{date}&lt;/b&gt; — {person}: {title}</source>
        <translation>世帯：&lt;b&gt;{date}&lt;/b&gt; — {person}：{title}</translation>
    </message>
    <message>
        <source>Attach files to “{document}”</source>
        <translation>「{document}」にファイルを添付</translation>
    </message>
    <message>
        <source>Scans ({patterns})</source>
        <translation>スキャン ({patterns})</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>ファイルを添付しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Attaching {file} ({number} of {count}): {copied} of {size}
All files: {all_copied} of {all_size}</source>
        <translation>{file} を添付しています（{count} 件中 {number} 件目）: {size} 中 {copied}
全ファイル: {all_size} 中 {all_copied}</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>添付されませんでした</translation>
    </message>
    <message>
        <source>Attaching cancelled; nothing was attached</source>
        <translation>添付を取り消しました。何も添付されていません</translation>
    </message>
    <message>
        <source>{count} file(s) attached</source>
        <translation>{count} 件のファイルを添付しました</translation>
    </message>
</context>
<context>
    <name>CaseSession</name>
    <message>
        <source>Change “{document}”</source>
        <translation>「{document}」を変更</translation>
    </message>
    <message>
        <source>Change the case</source>
        <translation>案件を変更</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>{name} を変更</translation>
    </message>
    <message>
        <source>the applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Create a case</source>
        <translation>案件を作成</translation>
    </message>
    <message>
        <source>Add “{document}”</source>
        <translation>「{document}」を追加</translation>
    </message>
    <message>
        <source>Remove “{document}”</source>
        <translation>「{document}」を削除</translation>
    </message>
    <message>
        <source>Attach {file}</source>
        <translation>{file} を添付</translation>
    </message>
    <message>
        <source>Remove {file}</source>
        <translation>{file} を削除</translation>
    </message>
    <message>
        <source>Save the points profile</source>
        <translation>ポイント情報を保存</translation>
    </message>
    <message>
        <source>Add an event</source>
        <translation>出来事を追加</translation>
    </message>
    <message>
        <source>Remove an event</source>
        <translation>出来事を削除</translation>
    </message>
</context>
<context>
    <name>CaseTreeModel</name>
    <message>
        <source>Applicant without a name</source>
        <translation>名前のない申請人</translation>
    </message>
    <message>
        <source>{count} case(s)</source>
        <translation>案件 {count} 件</translation>
    </message>
    <message>
        <source>Household of {people} people, {count} case(s)</source>
        <translation>世帯 {people} 人・案件 {count} 件</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家族</translation>
    </message>
    <message>
        <source>{ready} of {total} ready</source>
        <translation>{total} 件中 {ready} 件準備済み</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Japanese name · 日本語名</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提出方法</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>Notes and conditions</source>
        <translation>備考・条件</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原本</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>写し</translation>
    </message>
    <message>
        <source>Show only</source>
        <translation>提示のみ</translation>
    </message>
    <message>
        <source>≤ {months} months</source>
        <translation>{months}か月以内</translation>
    </message>
    <message>
        <source>Only if: {condition}</source>
        <translation>条件：{condition}</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>要翻訳</translation>
    </message>
    <message>
        <source>Usually in a foreign language: attach a Japanese translation.</source>
        <translation>通常は外国語の書類です。日本語訳を添付してください。</translation>
    </message>
    <message>
        <source>Unverified: {reason}</source>
        <translation>未確認：{reason}</translation>
    </message>
    <message>
        <source>ONLY IF</source>
        <translation>条件付き</translation>
    </message>
    <message>
        <source>UNVERIFIED</source>
        <translation>未確認</translation>
    </message>
</context>
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Route checklists</source>
        <translation>在留資格別の必要書類</translation>
    </message>
    <message>
        <source>Routes  ·  在留資格</source>
        <translation>在留資格</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>申請の種類(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Employer category</source>
        <translation>所属機関のカテゴリー(&amp;E)</translation>
    </message>
    <message>
        <source>Not chosen — show all</source>
        <translation>未選択（すべて表示）</translation>
    </message>
    <message>
        <source>Category {number}</source>
        <translation>カテゴリー{number}</translation>
    </message>
    <message>
        <source>The category of the employer (accepting organisation) decides which company documents are needed. Until you choose one, documents for some categories only are marked “Only if”.</source>
        <translation>所属機関（受入れ機関）のカテゴリーによって、必要な会社関係の書類が変わります。選ぶまでは、一部のカテゴリーだけに必要な書類に「条件付き」と表示します。</translation>
    </message>
    <message>
        <source>Points &amp;basis</source>
        <translation>ポイントの基準(&amp;B)</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points}点</translation>
    </message>
    <message>
        <source>Permanent residence through the points system is applied for on the 80-point or the 70-point basis; some documents depend on which.</source>
        <translation>高度人材ポイントによる永住許可申請は、80点または70点の基準で行います。一部の書類はどちらの基準かによって変わります。</translation>
    </message>
    <message>
        <source>Filter documents…</source>
        <translation>書類を絞り込む…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF に書き出す…</translation>
    </message>
    <message>
        <source>Save this checklist as a PDF to print or keep (Ctrl+E)</source>
        <translation>このチェックリストを印刷・保存用の PDF にします（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Copy row</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Japanese name</source>
        <translation>日本語名をコピー(&amp;J)</translation>
    </message>
    <message>
        <source>Copy &amp;English name</source>
        <translation>英語名をコピー(&amp;E)</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>在留資格</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>必要書類</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>書類の詳細</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>書類を絞り込む</translation>
    </message>
    <message>
        <source>{route_ja}  ·  status: {status_ja}</source>
        <translation>{route_ja}  ·  在留資格：{status_ja}</translation>
    </message>
    <message>
        <source>status: {status_ja}</source>
        <translation>在留資格: {status_ja}</translation>
    </message>
    <message>
        <source>Rules checked against their sources on {date} · &lt;a href="{url}"&gt;route source&lt;/a&gt;</source>
        <translation>出典との照合日：{date} · &lt;a href="{url}"&gt;この在留資格の出典&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Zairyu</source>
        <translation>Zairyu</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>書類 1 件</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>書類 {count} 件</translation>
    </message>
    <message>
        <source>{shown} of {count} documents</source>
        <translation>書類 {count} 件中 {shown} 件を表示</translation>
    </message>
    <message>
        <source>{count} need a Japanese translation</source>
        <translation>日本語訳が必要 {count} 件</translation>
    </message>
    <message>
        <source>{count} depend on your answers</source>
        <translation>回答により変わる {count} 件</translation>
    </message>
    <message>
        <source>{count} unverified</source>
        <translation>未確認 {count} 件</translation>
    </message>
    <message>
        <source>Export checklist as PDF</source>
        <translation>チェックリストを PDF に書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the checklist…</source>
        <translation>チェックリストを書き出しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Checklist saved to {path}</source>
        <translation>チェックリストを保存しました：{path}</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>書き出しを中止しました。ファイルは作成されていません。</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Certificate of eligibility issued</source>
        <translation>在留資格認定証明書の交付</translation>
    </message>
    <message>
        <source>Landed in Japan</source>
        <translation>日本に上陸</translation>
    </message>
    <message>
        <source>Moved house</source>
        <translation>転居</translation>
    </message>
    <message>
        <source>Changed employer</source>
        <translation>勤務先の変更</translation>
    </message>
    <message>
        <source>Period of stay ends</source>
        <translation>在留期間の満了</translation>
    </message>
    <message>
        <source>Left Japan</source>
        <translation>出国</translation>
    </message>
    <message>
        <source>Main applicant</source>
        <translation>申請人本人</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Your cases are not available.</source>
        <translation>案件を利用できません。</translation>
    </message>
    <message>
        <source>No deadlines yet: enter the dates below (landing, moving, the end of your period of stay), or documents' issue dates on the case.</source>
        <translation>期限はまだありません。下に日付（上陸、転居、在留期間の満了）を入力するか、案件の書類に発行日を入力してください。</translation>
    </message>
    <message>
        <source>{count} dates · {soon} due within 14 days or just missed</source>
        <translation>{count} 件の日付 · 14日以内の期限（過ぎたばかりを含む） {soon} 件</translation>
    </message>
    <message>
        <source>Act by {act_by} (the safe day: offices are open); legal last day {due}.</source>
        <translation>{act_by} までに手続き（役所が開いている安全な日）。法定の期限は {due}。</translation>
    </message>
    <message>
        <source>From {date}.</source>
        <translation>{date} から。</translation>
    </message>
    <message>
        <source>Rule: {rule} · Source: {source}</source>
        <translation>規則: {rule} · 出典: {source}</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>出来事を追加</translation>
    </message>
    <message>
        <source>Event added (Ctrl+Z undoes it).</source>
        <translation>出来事を追加しました（Ctrl+Z で元に戻せます）。</translation>
    </message>
    <message>
        <source>Export deadlines to a calendar</source>
        <translation>期限をカレンダーに書き出す</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
    <message>
        <source>This case</source>
        <translation>この案件</translation>
    </message>
    <message>
        <source>The whole household (all cases)</source>
        <translation>世帯全体（すべての案件）</translation>
    </message>
    <message>
        <source>Show this case's deadlines, or those of every case you keep.</source>
        <translation>この案件の期限、または保存しているすべての案件の期限を表示します。</translation>
    </message>
    <message>
        <source>Export to calendar (.ics)…</source>
        <translation>カレンダーファイルに書き出す…</translation>
    </message>
    <message>
        <source>Save the dates shown as a calendar file, one event on each safe day.</source>
        <translation>表示中の日付をカレンダーファイルに保存します（安全な日ごとに1件）。</translation>
    </message>
    <message>
        <source>Events of this case</source>
        <translation>この案件の出来事</translation>
    </message>
    <message>
        <source>What happened, or will happen: each event starts its own deadline.</source>
        <translation>起きた（起きる）出来事。出来事ごとに期限が始まります。</translation>
    </message>
    <message>
        <source>The day of the event.</source>
        <translation>出来事の日。</translation>
    </message>
    <message>
        <source>Whom the event concerns: the applicant or a family member.</source>
        <translation>出来事の対象者（申請人本人または家族）。</translation>
    </message>
    <message>
        <source>&amp;Add event</source>
        <translation>出来事を追加(&amp;A)</translation>
    </message>
    <message>
        <source>Record the event (Ctrl+Z undoes it).</source>
        <translation>出来事を記録します（Ctrl+Z で元に戻せます）。</translation>
    </message>
    <message>
        <source>{count} deadlines due within 14 days or just missed; the first, by {date}: {what} (see Deadlines).</source>
        <translation>14日以内の期限（過ぎたばかりを含む）が {count} 件。最初は {date} まで: {what}（期限ページを参照）。</translation>
    </message>
    <message>
        <source>{count} deadlines in {cases} of your cases due within 14 days or just missed; the first, by {date}: {what} (see Deadlines).</source>
        <translation>{cases} 件の案件で、14日以内の期限（過ぎたばかりを含む）が {count} 件。最初は {date} まで: {what}（期限ページを参照）。</translation>
    </message>
    <message>
        <source>Remove event</source>
        <translation>出来事を削除</translation>
    </message>
    <message>
        <source>Choose a case on the My case page, or show the whole household.</source>
        <translation>「マイ案件」ページで案件を選ぶか、世帯全体を表示してください。</translation>
    </message>
    <message>
        <source>Remove the selected event (Ctrl+Z undoes it).</source>
        <translation>選択した出来事を削除します（Ctrl+Z で元に戻せます）。</translation>
    </message>
    <message>
        <source>Due by {date}: {what} (see Deadlines).</source>
        <translation>{date} までに: {what}（期限ページを参照）。</translation>
    </message>
</context>
<context>
    <name>DeadlinesTableModel</name>
    <message>
        <source>Act by</source>
        <translation>この日までに</translation>
    </message>
    <message>
        <source>Legal last day</source>
        <translation>法定の期限</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Who / case</source>
        <translation>対象者・案件</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <source>Within 14 days</source>
        <translation>14日以内</translation>
    </message>
    <message>
        <source>Within 60 days</source>
        <translation>60日以内</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>それ以降</translation>
    </message>
    <message>
        <source>From this day</source>
        <translation>この日から可能</translation>
    </message>
</context>
<context>
    <name>DocumentDelegate</name>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
</context>
<context>
    <name>DocumentDetailView</name>
    <message>
        <source>no official source confirmed this entry</source>
        <translation>公式の出典で確認できていない項目です</translation>
    </message>
    <message>
        <source>official (Immigration Services Agency)</source>
        <translation>公式（出入国在留管理庁）</translation>
    </message>
    <message>
        <source>official text, as reproduced</source>
        <translation>公式の文書（転載）</translation>
    </message>
    <message>
        <source>law text (mirror)</source>
        <translation>法令（転載）</translation>
    </message>
    <message>
        <source>institutional</source>
        <translation>公的機関の資料</translation>
    </message>
    <message>
        <source>secondary (practitioner's summary)</source>
        <translation>二次資料（専門家による要約）</translation>
    </message>
    <message>
        <source>Select a document to see what it is, who issues it and where the rule comes from.</source>
        <translation>書類を選ぶと、その内容、発行元、根拠となる出典を表示します。</translation>
    </message>
    <message>
        <source>the original</source>
        <translation>原本</translation>
    </message>
    <message>
        <source>a copy</source>
        <translation>写し</translation>
    </message>
    <message>
        <source>show it at the counter; it is not handed in</source>
        <translation>窓口で提示します（提出はしません）</translation>
    </message>
    <message>
        <source>({copies} copies)</source>
        <translation>（{copies}部）</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提出方法</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <source>Usually in a foreign language: attach a Japanese translation.</source>
        <translation>通常は外国語の書類です。日本語訳を添付してください。</translation>
    </message>
    <message>
        <source>Not usually needed.</source>
        <translation>通常は不要です。</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Points form row</source>
        <translation>ポイント計算表の疎明資料</translation>
    </message>
    <message>
        <source>Applies when</source>
        <translation>該当する場合</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>UNVERIFIED</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>Only if</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>it depends on your answers above</source>
        <translation>上の選択によって変わります</translation>
    </message>
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>UNVERIFIED</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>If it is not in Japanese (an English contract, for example), attach a Japanese translation.</source>
        <translation>日本語以外で作成されている場合（英文の契約書など）は、日本語訳を添付してください。</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状態(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>翻訳(&amp;T)</translation>
    </message>
    <message>
        <source>Trans&amp;lator</source>
        <translation>翻訳者(&amp;L)</translation>
    </message>
    <message>
        <source>Who translates it</source>
        <translation>翻訳する人・翻訳会社</translation>
    </message>
    <message>
        <source>&amp;Issued on</source>
        <translation>発行日(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>有効期限(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Copies</source>
        <translation>部数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>メモ(&amp;N)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>ファイルを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach scans (PDF, JPEG, PNG), or drop them here</source>
        <translation>スキャン（PDF、JPEG、PNG）を添付します。ここにドロップすることもできます</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <source>Drop scans here to attach them.</source>
        <translation>スキャンをここにドロップすると添付されます。</translation>
    </message>
    <message>
        <source>About this document</source>
        <translation>この書類について</translation>
    </message>
    <message>
        <source>Choose a document in the list to see and change it.</source>
        <translation>一覧から書類を選ぶと、内容の確認と変更ができます。</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>自分で追加した書類</translation>
    </message>
    <message>
        <source>A document you added; Zairyu has no rule for it.</source>
        <translation>自分で追加した書類です。Zairyu にはこの書類の規則がありません。</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>発行元</translation>
    </message>
    <message>
        <source>Why it is needed</source>
        <translation>必要な理由</translation>
    </message>
    <message>
        <source>Freshness</source>
        <translation>有効期間</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>翻訳</translation>
    </message>
    <message>
        <source>Usually in a foreign language: attach a Japanese translation.</source>
        <translation>通常は外国語の書類です。日本語訳を添付してください。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>No program to show this file was found on this computer. The file is here:

{path}</source>
        <translation>このファイルを表示するプログラムが見つかりませんでした。ファイルの場所:

{path}</translation>
    </message>
    <message>
        <source>Not removed</source>
        <translation>削除されませんでした</translation>
    </message>
</context>
<context>
    <name>EventsTableModel</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>出来事</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>対象者</translation>
    </message>
    <message>
        <source>Main applicant</source>
        <translation>申請人本人</translation>
    </message>
</context>
<context>
    <name>ImprovementsModel</name>
    <message>
        <source>If you…</source>
        <translation>もし…</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>増加</translation>
    </message>
    <message>
        <source>New total</source>
        <translation>新しい合計</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your cases…</source>
        <translation>案件を開いています…</translation>
    </message>
    <message>
        <source>Zairyu — residence applications</source>
        <translation>Zairyu — 在留資格の申請</translation>
    </message>
    <message>
        <source>Zairyu {version} · works offline</source>
        <translation>Zairyu {version} · オフラインで動作</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>新しい案件</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>データフォルダーを開く</translation>
    </message>
    <message>
        <source>No program to open folders was found on this computer. Your data is in:

{path}</source>
        <translation>このコンピューターにはフォルダーを開くプログラムが見つかりませんでした。データの場所:

{path}</translation>
    </message>
    <message>
        <source>About Zairyu</source>
        <translation>Zairyu について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Zairyu {version}&lt;/h3&gt;&lt;p&gt;Organises an application for a Japanese residence status (在留資格): the documents each route needs, in English and Japanese, with the source of every rule.&lt;/p&gt;&lt;p&gt;Zairyu works offline: it never uses the network.&lt;/p&gt;&lt;p&gt;Your data: {location}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Zairyu {version}&lt;/h3&gt;&lt;p&gt;在留資格の申請を整理するアプリです。在留資格ごとに必要な書類を英語と日本語で示し、すべての規則に出典を付けています。&lt;/p&gt;&lt;p&gt;Zairyu はオフラインで動作し、ネットワークを一切使用しません。&lt;/p&gt;&lt;p&gt;データの保存場所：{location}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>変更されませんでした</translation>
    </message>
    <message>
        <source>Choose a case first.</source>
        <translation>先に案件を選んでください。</translation>
    </message>
    <message>
        <source>Export the case's checklist</source>
        <translation>案件のチェックリストを書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
</context>
<context>
    <name>NewCaseWizard</name>
    <message>
        <source>New case</source>
        <translation>新しい案件</translation>
    </message>
    <message>
        <source>You live in Japan and want permanent residence: the points route to it.</source>
        <translation>日本に住んでいて永住を希望する場合: ポイント制による永住許可申請です。</translation>
    </message>
    <message>
        <source>Highly Skilled Professional (ii) is a change from (i), after 3 years in it (1 for J-Skip).</source>
        <translation>高度専門職2号は、1号で3年（J-Skip は1年）活動した後の変更です。</translation>
    </message>
    <message>
        <source>J-Find is for graduates of a top-ranked university within 5 years of the degree who look for work or prepare a business in Japan.</source>
        <translation>未来創造人材（J-Find）は、上位大学を卒業して5年以内の人が日本で就職活動や起業準備をするためのものです。</translation>
    </message>
    <message>
        <source>Your income and degree or experience meet J-Skip: Highly Skilled Professional treatment without the points.</source>
        <translation>年収と学位または職歴が J-Skip（特別高度人材）の要件を満たします。ポイント計算なしで高度専門職として扱われます。</translation>
    </message>
    <message>
        <source>With 70 points or more, the Highly Skilled Professional (i) status for your work gives a 5-year stay and other advantages.</source>
        <translation>70点以上なら、仕事に合った高度専門職1号で5年の在留期間などの優遇が受けられます。</translation>
    </message>
    <message>
        <source>If you reach 70 points, Highly Skilled Professional (i)(b) is worth a look; the points page can tell.</source>
        <translation>70点に届くなら高度専門職1号ロも検討できます。ポイントのページで確認できます。</translation>
    </message>
    <message>
        <source>Professional work for a company based on your degree or experience is Engineer/Specialist in Humanities/International Services.</source>
        <translation>学位や職歴に基づく企業での専門的な仕事は「技術・人文知識・国際業務」です。</translation>
    </message>
    <message>
        <source>Research and business management are covered through Highly Skilled Professional (i): check on the points page that you reach 70 points.</source>
        <translation>研究と経営は高度専門職1号で扱います。ポイントのページで70点に届くか確認してください。</translation>
    </message>
    <message>
        <source>Under 70 points, research at a university is the Professor or Researcher status and running a business the Business Manager status, which Zairyu does not cover: choose a route yourself or ask the immigration office.</source>
        <translation>70点未満の場合、大学での研究は「教授」または「研究」、事業の経営は「経営・管理」の在留資格で、Zairyu は扱っていません。自分で在留資格を選ぶか、出入国在留管理局に相談してください。</translation>
    </message>
    <message>
        <source>From abroad you apply, through the employer or another person in Japan, for a certificate of eligibility.</source>
        <translation>海外からは、日本の所属機関などを通じて在留資格認定証明書の交付を申請します。</translation>
    </message>
    <message>
        <source>You already hold this status: extend your period of stay.</source>
        <translation>既にこの在留資格をお持ちです。在留期間の更新を申請します。</translation>
    </message>
    <message>
        <source>You live in Japan under another status: apply to change it.</source>
        <translation>別の在留資格で日本に住んでいます。在留資格の変更を申請します。</translation>
    </message>
    <message>
        <source>Zairyu's data for this route does not cover that procedure; choose one of the route's procedures yourself.</source>
        <translation>この在留資格の Zairyu のデータにはその手続がありません。手続を自分で選んでください。</translation>
    </message>
</context>
<context>
    <name>OwnDocumentDialog</name>
    <message>
        <source>Add a document of your own</source>
        <translation>自分の書類を追加</translation>
    </message>
    <message>
        <source>It needs a Japanese translation</source>
        <translation>日本語訳が必要</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Japanese name</source>
        <translation>日本語名(&amp;J)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>メモ(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PacketDocumentsModel</name>
    <message>
        <source>In</source>
        <translation>含む</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>書類</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>(no file attached)</source>
        <translation>（ファイル未添付）</translation>
    </message>
</context>
<context>
    <name>PacketPage</name>
    <message>
        <source>Case {id}: {title} — {included} of {total} documents in the packet, {pages} pages</source>
        <translation>案件 {id}: {title} — {total} 件中 {included} 件の書類を収録、{pages} ページ</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（無題）</translation>
    </message>
    <message>
        <source>Attach files to the documents to build a packet.</source>
        <translation>書類にファイルを添付すると提出書類一式を作成できます。</translation>
    </message>
    <message>
        <source>Expected size: about {size} in one PDF.</source>
        <translation>予想サイズ: 1つのPDFで約 {size}。</translation>
    </message>
    <message>
        <source>Expected size: {size} in {count} files, within the online system's {limit}.</source>
        <translation>予想サイズ: {count} ファイルで {size}。オンラインシステムの上限 {limit} 以内です。</translation>
    </message>
    <message>
        <source>Expected size: {size} as attached, over the online system's {limit}; photos will be reduced (to about {smallest} at the least).</source>
        <translation>予想サイズ: 添付のままでは {size} で、オンラインシステムの上限 {limit} を超えます。写真を縮小します（最小で約 {smallest}）。</translation>
    </message>
    <message>
        <source>Too large: at least {smallest}, over the online system's {limit}; attach smaller scans or leave documents out.</source>
        <translation>大きすぎます: 最小でも {smallest} で、オンラインシステムの上限 {limit} を超えます。小さいスキャンを添付するか、書類を除いてください。</translation>
    </message>
    <message>
        <source>No file to show: attach a scan to this document.</source>
        <translation>表示するファイルがありません。この書類にスキャンを添付してください。</translation>
    </message>
    <message>
        <source>This PDF cannot be shown (it may need a password).</source>
        <translation>このPDFは表示できません（パスワードが必要かもしれません）。</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>この画像は表示できません。</translation>
    </message>
    <message>
        <source>Folder for the online upload set</source>
        <translation>オンライン申請用ファイルのフォルダ</translation>
    </message>
    <message>
        <source>A new folder (*)</source>
        <translation>新しいフォルダ (*)</translation>
    </message>
    <message>
        <source>Export printable packet</source>
        <translation>印刷用PDFを書き出す</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>書き出しています…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>書き出しをキャンセルしました。ファイルは作成されていません。</translation>
    </message>
    <message>
        <source>Export packet</source>
        <translation>提出書類一式の書き出し</translation>
    </message>
    <message>
        <source>Print packet</source>
        <translation>提出書類一式の印刷</translation>
    </message>
    <message>
        <source>Packet</source>
        <translation>提出書類一式</translation>
    </message>
    <message>
        <source>Choose a case on the My case page to build its packet.</source>
        <translation>「マイ案件」ページで案件を選ぶと、提出書類一式を作成できます。</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上へ(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected document one place earlier (or drag it).</source>
        <translation>選択した書類を1つ前へ移動します（ドラッグでも可）。</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下へ(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected document one place later (or drag it).</source>
        <translation>選択した書類を1つ後へ移動します（ドラッグでも可）。</translation>
    </message>
    <message>
        <source>Tick the documents to include; drag a row to change the order.</source>
        <translation>含める書類にチェックを入れ、行をドラッグして順番を変えます。</translation>
    </message>
    <message>
        <source>The file of this document to preview.</source>
        <translation>プレビューするこの書類のファイル。</translation>
    </message>
    <message>
        <source>Online upload set (one PDF per document, {limit} MB in all)</source>
        <translation>オンライン申請用（書類ごとにPDF、合計 {limit} MB まで）</translation>
    </message>
    <message>
        <source>For the online application system: a folder with one PDF per document, numbered in order.</source>
        <translation>在留申請オンラインシステム用: 書類ごとに1つのPDFを番号順に収めたフォルダ。</translation>
    </message>
    <message>
        <source>One printable PDF</source>
        <translation>印刷用の1つのPDF</translation>
    </message>
    <message>
        <source>Cover, contents, bookmarks and page numbers, to print and hand in.</source>
        <translation>表紙・目次・しおり・ページ番号付き。印刷して窓口に提出します。</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Build the chosen output; you can cancel while it runs.</source>
        <translation>選んだ形式で作成します。実行中にキャンセルできます。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Print the printable packet (Ctrl+P).</source>
        <translation>印刷用の書類一式を印刷します (Ctrl+P)。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>PointsForm</name>
    <message>
        <source>Who you are and what you earn</source>
        <translation>本人と年収</translation>
    </message>
    <message>
        <source>Research achievements (④–⑦)</source>
        <translation>研究実績（④〜⑦）</translation>
    </message>
    <message>
        <source>Special additions (⑨–㉑)</source>
        <translation>特別加算（⑨〜㉑）</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>区分</translation>
    </message>
    <message>
        <source>The kind of work: (a) research, (b) specialised or technical work, (c) business management.</source>
        <translation>活動の種類: (イ) 研究、(ロ) 専門・技術、(ハ) 経営・管理。</translation>
    </message>
    <message>
        <source>Filing date</source>
        <translation>申請日</translation>
    </message>
    <message>
        <source>The day you file: the form counts your age, experience and salary on this day.</source>
        <translation>申請する日。年齢・職歴・年収はこの日で数えます。</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Age points in categories a and b depend on your age on the filing date.</source>
        <translation>イ・ロの年齢点は申請日の年齢で決まります。</translation>
    </message>
    <message>
        <source>Highest degree</source>
        <translation>最終学歴</translation>
    </message>
    <message>
        <source>Only your highest degree counts (row ①); an MBA or MOT scores 25 in b and c.</source>
        <translation>最も高い学位だけが数えられます（①）。MBA・MOT はロ・ハで25点です。</translation>
    </message>
    <message>
        <source>Two or more graduate degrees</source>
        <translation>複数分野の学位</translation>
    </message>
    <message>
        <source>Doctor's, master's or professional degrees in two or more fields add 5 points.</source>
        <translation>2つ以上の分野の博士・修士・専門職学位で5点加算されます。</translation>
    </message>
    <message>
        <source>Years of experience</source>
        <translation>実務経験年数</translation>
    </message>
    <message>
        <source>Practical experience in the field of the work you will do, in years (row ②).</source>
        <translation>従事する業務に関する実務経験の年数（②）。</translation>
    </message>
    <message>
        <source>Current job since</source>
        <translation>現在の仕事の開始日</translation>
    </message>
    <message>
        <source>With the day your current job began, experience bands move on its anniversaries.</source>
        <translation>現在の仕事の開始日があれば、職歴の区分はその記念日ごとに上がります。</translation>
    </message>
    <message>
        <source>Annual salary</source>
        <translation>年収</translation>
    </message>
    <message>
        <source>The salary your Japanese employer promises for a year (row ③); below ¥3,000,000 rules out categories b and c.</source>
        <translation>日本の所属機関から受ける1年間の報酬（③）。300万円未満ではロ・ハは認められません。</translation>
    </message>
    <message>
        <source>Position (category c)</source>
        <translation>地位（ハのみ）</translation>
    </message>
    <message>
        <source>A representative director scores 10, another director 5 (row ⑳, category c only).</source>
        <translation>代表取締役は10点、取締役は5点（⑳、ハのみ）。</translation>
    </message>
    <message>
        <source>Japanese licences</source>
        <translation>日本の資格</translation>
    </message>
    <message>
        <source>Japanese national licences or IT qualifications of the notice (row ⑧, category b only).</source>
        <translation>日本の国家資格またはIT告示の資格（⑧、ロのみ）。</translation>
    </message>
    <message>
        <source>Yes, in different fields</source>
        <translation>あり（異なる分野）</translation>
    </message>
    <message>
        <source>Known:</source>
        <translation>入力:</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>a — advanced academic research</source>
        <translation>イ — 高度学術研究活動</translation>
    </message>
    <message>
        <source>b — advanced specialised or technical work</source>
        <translation>ロ — 高度専門・技術活動</translation>
    </message>
    <message>
        <source>c — advanced business management</source>
        <translation>ハ — 高度経営・管理活動</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>博士</translation>
    </message>
    <message>
        <source>MBA or MOT</source>
        <translation>経営管理・技術経営の専門職学位</translation>
    </message>
    <message>
        <source>Master's degree</source>
        <translation>修士</translation>
    </message>
    <message>
        <source>Professional degree (専門職学位)</source>
        <translation>専門職学位</translation>
    </message>
    <message>
        <source>Bachelor's degree</source>
        <translation>学士</translation>
    </message>
    <message>
        <source>None counted</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Representative director</source>
        <translation>代表取締役</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>取締役</translation>
    </message>
    <message>
        <source>You are the inventor of a patented invention (row ④).</source>
        <translation>発明者として特許を受けた発明がある（④）。</translation>
    </message>
    <message>
        <source>You worked three or more times on research funded by a foreign government (row ⑤).</source>
        <translation>外国政府から補助金等を受けた研究に3回以上従事した（⑤）。</translation>
    </message>
    <message>
        <source>You are first or corresponding author of three or more papers in indexed journals (row ⑥).</source>
        <translation>学術論文データベース登載誌に責任著者または筆頭著者として3本以上の論文がある（⑥）。</translation>
    </message>
    <message>
        <source>Another research achievement the Minister of Justice recognises (row ⑦).</source>
        <translation>その他法務大臣が認める研究実績（⑦）。</translation>
    </message>
    <message>
        <source>Tick if this applies to you; the evidence it needs is listed once you claim it.</source>
        <translation>該当する場合にチェックします。必要な疎明資料が表示されます。</translation>
    </message>
    <message>
        <source>Search the designated-university list…</source>
        <translation>対象大学のリストを検索…</translation>
    </message>
    <message>
        <source>Checks a university against the ISA list of designated universities ({as_of}).</source>
        <translation>出入国在留管理庁の対象大学リスト（{as_of}）で大学を確認します。</translation>
    </message>
    <message>
        <source>ISA list {as_of}</source>
        <translation>出入国在留管理庁のリスト {as_of}</translation>
    </message>
    <message>
        <source>✓ {university} is on the list ({as_of}).</source>
        <translation>✓ {university} はリストにあります（{as_of}）。</translation>
    </message>
    <message>
        <source>Several universities match: {names}.</source>
        <translation>複数の大学が該当します: {names}。</translation>
    </message>
    <message>
        <source>Not on the list ({as_of}).</source>
        <translation>リストにありません（{as_of}）。</translation>
    </message>
    <message>
        <source>Did you mean: {names}?</source>
        <translation>もしかして: {names}？</translation>
    </message>
    <message>
        <source>The MEXT and MOFA lists (⑰-Ⅱ, ⑰-Ⅲ) are separate.</source>
        <translation>文部科学省・外務省のリスト（⑰-Ⅱ、⑰-Ⅲ）は別です。</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>(untitled)</source>
        <translation>（無題）</translation>
    </message>
    <message>
        <source>Case {id}: {title} — no points profile saved yet</source>
        <translation>案件 {id}: {title} — ポイント情報は未保存</translation>
    </message>
    <message>
        <source>Case {id}: {title} — profile saved {saved}</source>
        <translation>案件 {id}: {title} — {saved} に保存済み</translation>
    </message>
    <message>
        <source>Not scored yet: {problem}</source>
        <translation>まだ計算できません: {problem}</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>80 or more: also the 1-year basis for permanent residence</source>
        <translation>80点以上: 永住許可の1年の基準も満たします</translation>
    </message>
    <message>
        <source>{threshold} or more: enough for Highly Skilled Professional status</source>
        <translation>{threshold}点以上: 高度専門職の基準を満たします</translation>
    </message>
    <message>
        <source>{short} short of {threshold}</source>
        <translation>{threshold}点まであと {short} 点</translation>
    </message>
    <message>
        <source>Total {total} points — {verdict}</source>
        <translation>合計 {total} 点 — {verdict}</translation>
    </message>
    <message>
        <source>✗ Salary below ¥{floor}: category {category} is ruled out whatever the points.</source>
        <translation>✗ 年収が {floor} 円未満: 点数にかかわらず区分 {category} は認められません。</translation>
    </message>
    <message>
        <source>✓ Salary meets the ¥{floor} floor.</source>
        <translation>✓ 年収は下限 {floor} 円を満たしています。</translation>
    </message>
    <message>
        <source>Category a has no minimum salary.</source>
        <translation>区分イには年収の下限はありません。</translation>
    </message>
    <message>
        <source>Total {before} → {after} ({gain})</source>
        <translation>合計 {before} → {after} ({gain})</translation>
    </message>
    <message>
        <source>80 points, 1 year</source>
        <translation>80点・1年</translation>
    </message>
    <message>
        <source>70 points, 3 years</source>
        <translation>70点・3年</translation>
    </message>
    <message>
        <source>J-Skip, 1 year</source>
        <translation>J-Skip・1年</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date} から</translation>
    </message>
    <message>
        <source>not within 10 years with these profiles</source>
        <translation>この情報では10年以内に該当なし</translation>
    </message>
    <message>
        <source>Save the profile first: the summary shows the saved profile.</source>
        <translation>先に保存してください。概要は保存した情報で作成します。</translation>
    </message>
    <message>
        <source>Save the points summary as a PDF.</source>
        <translation>ポイントの概要をPDFで保存します。</translation>
    </message>
    <message>
        <source>Print the points summary (Ctrl+P).</source>
        <translation>ポイントの概要を印刷します (Ctrl+P)。</translation>
    </message>
    <message>
        <source>Points profile saved (Ctrl+Z undoes it).</source>
        <translation>ポイント情報を保存しました（Ctrl+Z で元に戻せます）。</translation>
    </message>
    <message>
        <source>Export points summary</source>
        <translation>ポイント概要の書き出し</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Print points summary</source>
        <translation>ポイント概要の印刷</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <source>Choose a case on the My case page to enter its points.</source>
        <translation>「マイ案件」ページで案件を選ぶと、ポイントを入力できます。</translation>
    </message>
    <message>
        <source>&amp;Save profile</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Store this profile in the case (Ctrl+Z undoes it).</source>
        <translation>この情報を案件に保存します（Ctrl+Z で元に戻せます）。</translation>
    </message>
    <message>
        <source>Export summary PDF…</source>
        <translation>概要をPDFで書き出す…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Changes worth most</source>
        <translation>効果の大きい変更</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>もし…なら</translation>
    </message>
    <message>
        <source>Annual salary</source>
        <translation>年収</translation>
    </message>
    <message>
        <source>Try another salary: the total beside it uses the points form.</source>
        <translation>別の年収を試します。合計はポイント計算表で計算します。</translation>
    </message>
    <message>
        <source>Years of experience</source>
        <translation>実務経験年数</translation>
    </message>
    <message>
        <source>Try more years of experience.</source>
        <translation>より長い実務経験を試します。</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>永住許可</translation>
    </message>
    <message>
        <source>Living in Japan since</source>
        <translation>日本在住の開始日</translation>
    </message>
    <message>
        <source>The start of your continuous residence in Japan (your landing, unless you left for long).</source>
        <translation>日本での継続した在留の開始日（長期の出国がなければ上陸日）。</translation>
    </message>
    <message>
        <source>Check timing</source>
        <translation>時期を確認</translation>
    </message>
    <message>
        <source>When each points basis for permanent residence opens, from your saved profiles and this one.</source>
        <translation>保存した情報とこの情報から、永住許可の各基準を満たす時期を示します。</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Your data could not be opened</source>
        <translation>データを開けませんでした</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The file with your cases is damaged.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It is kept as it is; nothing was deleted.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;案件のデータファイルが壊れています。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;ファイルはそのまま残してあり、何も削除していません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The newest intact backup is from {date}. Zairyu can continue from it: changes made after it are not in it. The damaged file is moved to the backups folder.</source>
        <translation>壊れていない最新のバックアップは {date} のものです。ここから続けられますが、それ以降の変更は含まれません。壊れたファイルはバックアップフォルダーに移します。</translation>
    </message>
    <message>
        <source>Continue from the &amp;backup</source>
        <translation>バックアップから続ける(&amp;B)</translation>
    </message>
    <message>
        <source>No intact backup was found in {folder}.</source>
        <translation>{folder} に壊れていないバックアップが見つかりませんでした。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Your cases cannot be opened right now.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;今は案件を開けません。&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>もう一度試す(&amp;T)</translation>
    </message>
    <message>
        <source>Continue &amp;without my cases</source>
        <translation>案件なしで続ける(&amp;W)</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>復元されませんでした</translation>
    </message>
</context>
<context>
    <name>RouteListModel</name>
    <message>
        <source>COE</source>
        <translation>認定</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申請</translation>
    </message>
    <message>
        <source>Acquisition</source>
        <translation>取得</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Your data is not available, so it cannot be backed up now.</source>
        <translation>データを利用できないため、今はバックアップできません。</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>Zairyu copies your data automatically once a day and before every upgrade, into {folder}; the newest 7 daily copies are kept. Copies you make here are never deleted. Last copy: {last}.</source>
        <translation>Zairyu は1日1回と更新の前に、データを自動で {folder} にコピーします。毎日のコピーは新しい7件を残します。ここで作るコピーは削除されません。最後のコピー: {last}。</translation>
    </message>
    <message>
        <source>Font for the PDFs</source>
        <translation>PDFのフォント</translation>
    </message>
    <message>
        <source>Fonts (*.ttf *.otf *.ttc)</source>
        <translation>フォント (*.ttf *.otf *.ttc)</translation>
    </message>
    <message>
        <source>Default folder for packets</source>
        <translation>提出書類一式の既定のフォルダ</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>データフォルダ</translation>
    </message>
    <message>
        <source>From the next start Zairyu uses {folder}. Your data is not moved: copy the folder's contents there first if you want them.</source>
        <translation>次回の起動から {folder} を使います。データは移動しません。必要なら先にフォルダの内容をそこへコピーしてください。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>今すぐバックアップ</translation>
    </message>
    <message>
        <source>Your data was copied to {path}.</source>
        <translation>データを {path} にコピーしました。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Zairyu backups (*.sqlite3)</source>
        <translation>Zairyu のバックアップ (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restored from {source}. Your data as it was is kept in {kept}.</source>
        <translation>{source} から復元しました。それまでのデータは {kept} に残してあります。</translation>
    </message>
    <message>
        <source>These attached files are missing: {files}</source>
        <translation>次の添付ファイルが見つかりません: {files}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language and PDFs</source>
        <translation>言語とPDF</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>The language of the window; the documents keep both names.</source>
        <translation>画面の言語。書類名は両方の言語で表示されます。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>PDF font</source>
        <translation>PDFのフォント</translation>
    </message>
    <message>
        <source>A Japanese font found on this computer</source>
        <translation>このコンピュータの日本語フォント</translation>
    </message>
    <message>
        <source>The font file the PDFs use; it must have Japanese characters.</source>
        <translation>PDFに使うフォントファイル。日本語の文字が必要です。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Packets go to</source>
        <translation>提出書類一式の保存先</translation>
    </message>
    <message>
        <source>Your home folder</source>
        <translation>ホームフォルダ</translation>
    </message>
    <message>
        <source>The folder the packet export suggests first.</source>
        <translation>書き出しで最初に提案するフォルダ。</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>変更…</translation>
    </message>
    <message>
        <source>Keep your data in another folder (from the next start).</source>
        <translation>データを別のフォルダに置きます（次回の起動から）。</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Keep your data in the usual folder for this system.</source>
        <translation>データをこのシステムの標準のフォルダに置きます。</translation>
    </message>
    <message>
        <source>Copy your data now; this copy is never deleted automatically.</source>
        <translation>今すぐデータをコピーします。このコピーは自動では削除されません。</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>復元…</translation>
    </message>
    <message>
        <source>Replace your data with a copy; the current data is kept aside.</source>
        <translation>データをコピーで置き換えます。現在のデータは別に残します。</translation>
    </message>
</context>
<context>
    <name>_ApplicantPage</name>
    <message>
        <source>The applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Who applies? You can add the passport and residence-card details later.</source>
        <translation>申請するのは誰ですか。旅券と在留カードの情報は後で追加できます。</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>新しい人</translation>
    </message>
    <message>
        <source>For example: Move to Tokyo 2027</source>
        <translation>例: 2027年 東京へ</translation>
    </message>
    <message>
        <source>&amp;Applicant</source>
        <translation>申請人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>氏名(&amp;N)</translation>
    </message>
    <message>
        <source>Na&amp;tionality</source>
        <translation>国籍(&amp;T)</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>生年月日(&amp;B)</translation>
    </message>
    <message>
        <source>Case &amp;title</source>
        <translation>案件名(&amp;T)</translation>
    </message>
    <message>
        <source>Planned &amp;filing date</source>
        <translation>申請予定日(&amp;F)</translation>
    </message>
    <message>
        <source>Applicant without a name</source>
        <translation>名前のない申請人</translation>
    </message>
</context>
<context>
    <name>_ConditionsPage</name>
    <message>
        <source>What applies to you</source>
        <translation>当てはまること</translation>
    </message>
    <message>
        <source>Tick what is true for you. Documents for the rest are kept in the case, marked “not applicable”; you can change that later.</source>
        <translation>当てはまるものにチェックしてください。それ以外の書類は「該当なし」として案件に残り、後で変更できます。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your situation&lt;/b&gt;</source>
        <translation>&lt;b&gt;あなたの状況&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Then the case needs: {document}</source>
        <translation>必要になる書類: {document}</translation>
    </message>
    <message>
        <source>&lt;b&gt;The points items you will claim&lt;/b&gt; (the evidence for each is listed)</source>
        <translation>&lt;b&gt;申告するポイント項目&lt;/b&gt;（それぞれの疎明資料が一覧に入ります）</translation>
    </message>
    <message>
        <source>Every document of this route applies: nothing to ask.</source>
        <translation>この在留資格の書類はすべて必要です。質問はありません。</translation>
    </message>
</context>
<context>
    <name>_EmployerPage</name>
    <message>
        <source>Your employer</source>
        <translation>所属機関</translation>
    </message>
    <message>
        <source>The immigration office sorts employers into four categories; the bigger and better known the employer, the fewer company documents you hand in. Ask the HR department if you are not sure.</source>
        <translation>出入国在留管理庁は所属機関を4つのカテゴリーに分けています。規模が大きく実績のある機関ほど、提出する会社の書類は少なくなります。分からない場合は人事部に確認してください。</translation>
    </message>
    <message>
        <source>Not sure yet (the case lists the documents of every category, marked “only if”)</source>
        <translation>まだ分からない（すべてのカテゴリーの書類を「該当する場合」として一覧にします）</translation>
    </message>
    <message>
        <source>Category 1 — listed on a Japanese stock exchange, a public body, or a company with certain government certifications</source>
        <translation>カテゴリー1 — 日本の証券取引所の上場企業、公的機関、または一定の認定を受けた企業</translation>
    </message>
    <message>
        <source>Category 2 — paid ¥10 million or more of income tax withheld from salaries last year</source>
        <translation>カテゴリー2 — 前年の給与所得の源泉徴収税額が1,000万円以上</translation>
    </message>
    <message>
        <source>Category 3 — filed last year's statement of withholding tax on salaries, with less than that</source>
        <translation>カテゴリー3 — 前年の給与所得の源泉徴収票等の法定調書合計表を提出した（それ未満）</translation>
    </message>
    <message>
        <source>Category 4 — none of these (for example a company founded this year)</source>
        <translation>カテゴリー4 — いずれにも当たらない（例: 今年設立された会社）</translation>
    </message>
</context>
<context>
    <name>_RoutePage</name>
    <message>
        <source>Route and procedure</source>
        <translation>在留資格と手続</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>在留資格(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Procedure</source>
        <translation>申請の種類(&amp;P)</translation>
    </message>
    <message>
        <source>Choose the route and the procedure of your application.</source>
        <translation>申請する在留資格と手続を選んでください。</translation>
    </message>
    <message>
        <source>Zairyu proposes this from your answers; you can change it.</source>
        <translation>回答をもとに Zairyu が提案しています。変更もできます。</translation>
    </message>
    <message>
        <source>No route in Zairyu fits your answers; you can still choose one.</source>
        <translation>回答に合う在留資格が Zairyu にはありません。自分で選ぶこともできます。</translation>
    </message>
</context>
<context>
    <name>_SituationPage</name>
    <message>
        <source>Where are you now?</source>
        <translation>今どこにいますか</translation>
    </message>
    <message>
        <source>Outside Japan: I will come to Japan</source>
        <translation>日本国外: これから日本に来る</translation>
    </message>
    <message>
        <source>In Japan, with a residence status</source>
        <translation>日本国内: 在留資格を持っている</translation>
    </message>
    <message>
        <source>Engineer/Specialist in Humanities/International Services</source>
        <translation>技術・人文知識・国際業務</translation>
    </message>
    <message>
        <source>Highly Skilled Professional (i)</source>
        <translation>高度専門職1号</translation>
    </message>
    <message>
        <source>J-Find (Designated Activities)</source>
        <translation>未来創造人材（特定活動）</translation>
    </message>
    <message>
        <source>J-Skip (Highly Skilled Professional)</source>
        <translation>特別高度人材（高度専門職）</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>留学</translation>
    </message>
    <message>
        <source>Another status</source>
        <translation>その他の在留資格</translation>
    </message>
    <message>
        <source>A status for my work (a change or an extension)</source>
        <translation>仕事のための在留資格（変更または更新）</translation>
    </message>
    <message>
        <source>Highly Skilled Professional (ii)</source>
        <translation>高度専門職2号</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>永住</translation>
    </message>
    <message>
        <source>Your status now</source>
        <translation>現在の在留資格</translation>
    </message>
    <message>
        <source>You apply for</source>
        <translation>申請するもの</translation>
    </message>
</context>
<context>
    <name>_StartPage</name>
    <message>
        <source>A new case</source>
        <translation>新しい案件</translation>
    </message>
    <message>
        <source>A case follows one application. Zairyu proposes the route from a few questions, or you choose it yourself.</source>
        <translation>案件は一つの申請を追跡します。いくつかの質問から Zairyu が在留資格を提案します。自分で選ぶこともできます。</translation>
    </message>
    <message>
        <source>Help me find my route: answer a few questions</source>
        <translation>在留資格を探す: いくつかの質問に答える</translation>
    </message>
    <message>
        <source>I know my route and procedure: choose them</source>
        <translation>在留資格と手続は分かっている: 自分で選ぶ</translation>
    </message>
</context>
<context>
    <name>_WorkPage</name>
    <message>
        <source>Your work in Japan</source>
        <translation>日本での仕事</translation>
    </message>
    <message>
        <source>Engineering, IT, humanities or international work for a company</source>
        <translation>企業での技術、IT、人文知識、国際業務の仕事</translation>
    </message>
    <message>
        <source>Research or teaching at a university or research institute</source>
        <translation>大学や研究機関での研究・教育</translation>
    </message>
    <message>
        <source>Running or managing a business</source>
        <translation>事業の経営・管理</translation>
    </message>
    <message>
        <source>Looking for work or preparing a business, after graduating from a top-ranked university</source>
        <translation>上位大学を卒業した後の就職活動や起業準備</translation>
    </message>
    <message>
        <source>&lt;b&gt;Do you reach 70 points&lt;/b&gt; on the Highly Skilled Professional points table (degree, experience, salary, age, Japanese, …)?</source>
        <translation>高度人材ポイント計算表で &lt;b&gt;70点以上になりますか&lt;/b&gt;（学歴、職歴、年収、年齢、日本語能力など）？</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>分からない</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>&lt;b&gt;Do you earn ¥20 million a year or more&lt;/b&gt; with a master's or doctor's degree or 10 years' experience (or ¥40 million with 5 years managing a business)?</source>
        <translation>修士・博士の学位または10年以上の職歴があり、&lt;b&gt;年収が2,000万円以上ですか&lt;/b&gt;（または経営5年以上で年収4,000万円以上）？</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新しい案件(&amp;N)…</translation>
    </message>
    <message>
        <source>Edit the &amp;applicant…</source>
        <translation>申請人を編集(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a &amp;document of your own…</source>
        <translation>自分の書類を追加(&amp;D)…</translation>
    </message>
    <message>
        <source>A&amp;ttach files to the document…</source>
        <translation>書類にファイルを添付(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export checklist as PDF…</source>
        <translation>チェックリストを PDF に書き出す(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>データフォルダを開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find documents</source>
        <translation>書類を検索(&amp;F)</translation>
    </message>
    <message>
        <source>My &amp;case</source>
        <translation>マイ案件(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Route checklists</source>
        <translation>在留資格別の必要書類(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Zairyu</source>
        <translation>Zairyu について(&amp;A)</translation>
    </message>
    <message>
        <source>Export the &amp;case's checklist as PDF…</source>
        <translation>案件のチェックリストをPDFで書き出す(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>ポイント(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message>
        <source>P&amp;acket</source>
        <translation>提出書類一式(&amp;A)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Zairyu hit an unexpected error ({error}). Your saved data is safe.

The details were written to:
{path}</source>
        <translation>予期しないエラーが発生しました（{error}）。保存済みのデータは安全です。

詳細の保存先：
{path}</translation>
    </message>
    <message>
        <source>The last session of Zairyu ended with an error. Your data is safe; the details were kept so you can report the problem:

{reports}

Log: {log}</source>
        <translation>前回の Zairyu はエラーで終了しました。データは安全です。問題を報告できるよう、詳細を保存してあります：

{reports}

ログ：{log}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{path} is a folder. Choose a file name to save to.</source>
        <translation>{path} はフォルダーです。保存するファイル名を指定してください。</translation>
    </message>
    <message>
        <source>The folder of {path} does not exist. Choose another place to save to.</source>
        <translation>{path} のフォルダーが存在しません。別の保存先を選んでください。</translation>
    </message>
    <message>
        <source>Zairyu cannot write to {path}. Choose another place to save to.</source>
        <translation>{path} に書き込めません。別の保存先を選んでください。</translation>
    </message>
    <message>
        <source>{path} could not be written; nothing was saved there.</source>
        <translation>{path} を書き込めませんでした。何も保存されていません。</translation>
    </message>
    <message>
        <source>The size limit must be a positive number of megabytes.</source>
        <translation>サイズ上限は正の数（MB）で指定してください。</translation>
    </message>
    <message>
        <source>The packet could not be split into parts under the size limit. Raise the limit or attach smaller scans.</source>
        <translation>サイズ上限以下に分割できませんでした。上限を上げるか、より小さいスキャンを添付してください。</translation>
    </message>
    <message>
        <source>One document alone is larger than the size limit allows. Raise the limit or attach a smaller scan of it.</source>
        <translation>1 件の書類だけでサイズ上限を超えています。上限を上げるか、より小さいスキャンを添付してください。</translation>
    </message>
    <message>
        <source>The case has no attached files yet. Attach scans to its documents first.</source>
        <translation>この案件にはまだ添付ファイルがありません。先に書類のスキャンを添付してください。</translation>
    </message>
    <message>
        <source>The case has no points profile yet.</source>
        <translation>この案件にはまだポイント情報がありません。</translation>
    </message>
    <message>
        <source>This case no longer exists (it may have been deleted in another window).</source>
        <translation>この案件はもう存在しません（別のウィンドウで削除された可能性があります）。</translation>
    </message>
    <message>
        <source>The case has no document “{value}”.</source>
        <translation>この案件には書類「{value}」がありません。</translation>
    </message>
    <message>
        <source>The case already has a document with the code “{value}”.</source>
        <translation>この案件には既にコード「{value}」の書類があります。</translation>
    </message>
    <message>
        <source>“{value}” cannot be a document code: use lower-case letters, digits and “-”.</source>
        <translation>「{value}」は書類コードに使えません。小文字の英字、数字、「-」を使ってください。</translation>
    </message>
    <message>
        <source>This document is on the route's checklist, so it cannot be removed. Set its status to “Not applicable” instead.</source>
        <translation>この書類は在留資格の必要書類一覧にあるため削除できません。代わりに状態を「該当なし」にしてください。</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a date.</source>
        <translation>{field}: 「{value}」は日付ではありません。</translation>
    </message>
    <message>
        <source>{file} cannot be attached: {reason}</source>
        <translation>{file} は添付できません: {reason}</translation>
    </message>
    <message>
        <source>The stored copy of {file} is missing or damaged.</source>
        <translation>保存された {file} のコピーが見つからないか、壊れています。</translation>
    </message>
    <message>
        <source>The file with your cases, {path}, is damaged.</source>
        <translation>案件のデータファイル {path} が壊れています。</translation>
    </message>
    <message>
        <source>The backup could not be put in place of {path}; nothing was changed.</source>
        <translation>バックアップを {path} の代わりに置けませんでした。何も変更していません。</translation>
    </message>
    <message>
        <source>Your cases are not available: {problem}</source>
        <translation>案件を表示できません: {problem}</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>発行日</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <source>Planned filing date</source>
        <translation>申請予定日</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>Passport valid until</source>
        <translation>旅券の有効期限</translation>
    </message>
    <message>
        <source>Residence card valid until</source>
        <translation>在留カードの有効期限</translation>
    </message>
</context>
<context>
    <name>print_jobs</name>
    <message>
        <source>Writing {name}…</source>
        <translation>{name} を作成しています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Print case checklist</source>
        <translation>案件のチェックリストを印刷</translation>
    </message>
    <message>
        <source>Export case checklist</source>
        <translation>案件のチェックリストを書き出す</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Print preview — {name}</source>
        <translation>印刷プレビュー — {name}</translation>
    </message>
</context>
</TS>