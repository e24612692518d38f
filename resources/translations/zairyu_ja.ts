<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja" sourcelanguage="en">
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
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <source>Japanese name</source>
        <translation>日本語名</translation>
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
        <source>Attaching {file}…</source>
        <translation>{file} を添付しています…</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>添付されませんでした</translation>
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
    <name>DocumentDelegate</name>
    <message>
        <source>Not saved</source>
        <translation>保存されませんでした</translation>
    </message>
</context>
<context>
    <name>DocumentDetailView</name>
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
</context>
<context>
    <name>DocumentEditor</name>
    <message>
        <source>&amp;Status</source>
        <translation>状態(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Translation</source>
        <translation>翻訳(&amp;T)</translation>
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
    <name>MainWindow</name>
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
</TS>