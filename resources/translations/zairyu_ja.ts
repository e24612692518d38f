<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
    <context>
        <name>CaseDocumentsTableModel</name>
        <message>
            <source>Document</source>
            <translation>書類</translation>
        </message>
        <message>
            <source>Japanese name · 日本語名</source>
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
            <source>Issued</source>
            <translation>発行日</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有効期限</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>ファイル</translation>
        </message>
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
            <source>No longer on the route's list; kept because it holds your data.</source>
            <translation>現在の必要書類一覧にはありませんが、入力済みのデータがあるため残しています。</translation>
        </message>
    </context>
    <context>
        <name>CasesPage</name>
        <message>
            <source>Your cases are not available.</source>
            <translation>案件を表示できません。</translation>
        </message>
        <message>
            <source>My cases</source>
            <translation>マイ案件</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>再読み込み(&amp;R)</translation>
        </message>
        <message>
            <source>Read the cases again (F5), e.g. after changing them with the zairyu command.</source>
            <translation>案件を読み込み直します（F5）。zairyu コマンドで変更した後などに使います。</translation>
        </message>
        <message>
            <source>Double-click a case to see its route's checklist.</source>
            <translation>案件をダブルクリックすると、その在留資格の必要書類を表示します。</translation>
        </message>
        <message>
            <source>1 case</source>
            <translation>案件 1 件</translation>
        </message>
        <message>
            <source>{count} cases</source>
            <translation>案件 {count} 件</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;No cases yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A case follows one application: its route, the documents and where each one stands. Create one from the command line for now:&lt;/p&gt;&lt;p&gt;&lt;code&gt;zairyu case new --route engineer-specialist --procedure coe --title "My application"&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;案件はまだありません。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;案件は一つの申請をまとめたものです（在留資格、必要書類、各書類の準備状況）。現在はコマンドラインで作成します：&lt;/p&gt;&lt;p&gt;&lt;code&gt;zairyu case new --route engineer-specialist --procedure coe --title "My application"&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Case {id}: {title}</source>
            <translation>案件 {id}：{title}</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（無題）</translation>
        </message>
        <message>
            <source>{ready} of {total} documents ready</source>
            <translation>書類 {total} 件中 {ready} 件が準備完了</translation>
        </message>
        <message>
            <source>filing planned for {date}</source>
            <translation>申請予定日 {date}</translation>
        </message>
    </context>
    <context>
        <name>CasesTableModel</name>
        <message>
            <source>Case</source>
            <translation>案件</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>件名</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>申請人</translation>
        </message>
        <message>
            <source>Route</source>
            <translation>在留資格</translation>
        </message>
        <message>
            <source>Procedure</source>
            <translation>申請の種類</translation>
        </message>
        <message>
            <source>Employer category</source>
            <translation>所属機関のカテゴリー</translation>
        </message>
        <message>
            <source>Documents ready</source>
            <translation>準備完了</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新日時</translation>
        </message>
        <message>
            <source>(untitled)</source>
            <translation>（無題）</translation>
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
        <name>MainWindow</name>
        <message>
            <source>Zairyu — residence applications</source>
            <translation>Zairyu — 在留資格の申請</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
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
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Route checklists</source>
            <translation>在留資格別の必要書類(&amp;R)</translation>
        </message>
        <message>
            <source>My &amp;cases</source>
            <translation>マイ案件(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Filter documents</source>
            <translation>書類を絞り込む(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Zairyu</source>
            <translation>Zairyu について(&amp;A)</translation>
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
            <source>Route checklists</source>
            <translation>在留資格別の必要書類</translation>
        </message>
        <message>
            <source>My cases</source>
            <translation>マイ案件</translation>
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
            <source>Zairyu {version} · works offline</source>
            <translation>Zairyu {version} · オフラインで動作</translation>
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
        <message>
            <source>About Zairyu</source>
            <translation>Zairyu について</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Zairyu {version}&lt;/h3&gt;&lt;p&gt;Organises an application for a Japanese residence status (在留資格): the documents each route needs, in English and Japanese, with the source of every rule.&lt;/p&gt;&lt;p&gt;Zairyu works offline: it never uses the network.&lt;/p&gt;&lt;p&gt;Your data: {location}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Zairyu {version}&lt;/h3&gt;&lt;p&gt;在留資格の申請を整理するアプリです。在留資格ごとに必要な書類を英語と日本語で示し、すべての規則に出典を付けています。&lt;/p&gt;&lt;p&gt;Zairyu はオフラインで動作し、ネットワークを一切使用しません。&lt;/p&gt;&lt;p&gt;データの保存場所：{location}&lt;/p&gt;</translation>
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
</TS>
