<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressDialog</name>
    <message>
        <location filename="../web_dialogs.py" line="19"/>
        <source>Dubao fetches this address once, now, and keeps what it finds for offline reading. No cookies are kept or sent.</source>
        <translation>读报现在只访问这个地址一次，并把得到的内容保存下来供离线阅读。不保存也不发送任何 Cookie。</translation>
    </message>
</context>
<context>
    <name>ArticleInfoPanel</name>
    <message>
        <location filename="../panels/article_info.py" line="88"/>
        <source>Running words by HSK level (filled: known)</source>
        <translation>按 HSK 等级统计的词次（实心：认识）</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="101"/>
        <source>The figures follow once the article&apos;s words are read.</source>
        <translation>读完文章的词语后显示统计。</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="106"/>
        <source>You know {0} % of the running words</source>
        <translation>你认识 {0}% 的词次</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="107"/>
        <source>Level: HSK {0} (90 % of the listed words)</source>
        <translation>难度：HSK {0}（覆盖 90% 的词表词）</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="108"/>
        <source>{0} running words, {1} different</source>
        <translation>共 {0} 个词次，{1} 个不同的词</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="109"/>
        <source>{0} different words not known yet</source>
        <translation>{0} 个词还不认识</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="110"/>
        <source>{0:.1f} words per sentence</source>
        <translation>平均每句 {0:.1f} 个词</translation>
    </message>
    <message>
        <location filename="../panels/article_info.py" line="111"/>
        <source>{0} policy terms</source>
        <translation>{0} 个政策术语</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../panels/bookmarks.py" line="62"/>
        <source>All articles</source>
        <translation>所有文章</translation>
    </message>
    <message>
        <location filename="../panels/bookmarks.py" line="63"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../panels/bookmarks.py" line="64"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../panels/bookmarks.py" line="65"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>CorrectionsWindow</name>
    <message>
        <location filename="../corrections_window.py" line="26"/>
        <source>My Corrections</source>
        <translation>我的纠正</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="28"/>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="28"/>
        <source>Correction</source>
        <translation>纠正</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="28"/>
        <source>Now read as</source>
        <translation>现在读作</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="35"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="36"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="37"/>
        <source>Undo Last Correction</source>
        <translation>撤销上一次纠正</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="56"/>
        <source>Reading</source>
        <translation>读音</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="56"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="56"/>
        <source>Joined</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../corrections_window.py" line="69"/>
        <source>{0} corrections; each applies to every article.</source>
        <translation>共 {0} 条纠正；每条都对所有文章生效。</translation>
    </message>
</context>
<context>
    <name>FeedsController</name>
    <message>
        <location filename="../feeds_controller.py" line="63"/>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../feeds_controller.py" line="80"/>
        <source>Could not subscribe: {0}</source>
        <translation>无法订阅：{0}</translation>
    </message>
    <message>
        <location filename="../feeds_controller.py" line="91"/>
        <source>Refreshing {0} feeds…</source>
        <translation>正在刷新 {0} 个订阅源…</translation>
    </message>
    <message>
        <location filename="../feeds_controller.py" line="105"/>
        <source>{0} new articles.</source>
        <translation>{0} 篇新文章。</translation>
    </message>
    <message>
        <location filename="../feeds_controller.py" line="107"/>
        <source>{0} feeds could not be read: {1}</source>
        <translation>{0} 个订阅源无法读取：{1}</translation>
    </message>
    <message>
        <location filename="../feeds_controller.py" line="115"/>
        <source>The refresh failed: {0}</source>
        <translation>刷新失败：{0}</translation>
    </message>
</context>
<context>
    <name>FeedsPanel</name>
    <message>
        <location filename="../panels/feeds.py" line="57"/>
        <source>Subscribe…</source>
        <translation>订阅…</translation>
    </message>
    <message>
        <location filename="../panels/feeds.py" line="58"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../panels/feeds.py" line="59"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../panels/feeds.py" line="60"/>
        <source>Refresh every 30 minutes while Dubao runs</source>
        <translation>读报运行时每 30 分钟刷新一次</translation>
    </message>
    <message>
        <location filename="../panels/feeds.py" line="98"/>
        <source>{0} unread</source>
        <translation>{0} 篇未读</translation>
    </message>
    <message>
        <location filename="../panels/feeds.py" line="98"/>
        <source>all read</source>
        <translation>已全部读过</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../panels/findbar.py" line="51"/>
        <source>Find in article (汉字 or pinyin)</source>
        <translation>在文章中查找（汉字或拼音）</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="52"/>
        <source>Match pinyin</source>
        <translation>匹配拼音</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="53"/>
        <source>Previous match</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="54"/>
        <source>Next match</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="55"/>
        <location filename="../panels/findbar.py" line="74"/>
        <source>No matches</source>
        <translation>没有找到</translation>
    </message>
</context>
<context>
    <name>FindMixin</name>
    <message>
        <location filename="../window_find.py" line="48"/>
        <source>{0}: {1} of {2}</source>
        <translation>{0}：第 {1} 处，共 {2} 处</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../panels/glossary.py" line="35"/>
        <source>No glossary terms found yet.</source>
        <translation>还没有找到术语。</translation>
    </message>
</context>
<context>
    <name>LearnerDesk</name>
    <message>
        <location filename="../learner.py" line="56"/>
        <source>Known words need the library, which could not be opened.</source>
        <translation>标记认识的词需要文库，但文库无法打开。</translation>
    </message>
    <message>
        <location filename="../learner.py" line="128"/>
        <source>Corrections need the library, which could not be opened.</source>
        <translation>纠正需要文库，但文库无法打开。</translation>
    </message>
</context>
<context>
    <name>LearnerWindowMixin</name>
    <message>
        <location filename="../window_learner.py" line="57"/>
        <source>{0} marked known.</source>
        <translation>“{0}”已标为认识。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="58"/>
        <source>{0} is no longer marked known.</source>
        <translation>“{0}”不再标为认识。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="73"/>
        <source>There is no word right after {0} to join it with.</source>
        <translation>“{0}”后面没有可以合并的词。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="77"/>
        <source>{0} is now read as one word everywhere.</source>
        <translation>“{0}”现在处处作为一个词。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="87"/>
        <source>Fix Reading</source>
        <translation>纠正读音</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="88"/>
        <source>Reading of {0} everywhere (pick one, or type it: zhì liàng or zhi4 liang4):</source>
        <translation>“{0}”在各处的读音（可选择，也可输入：zhì liàng 或 zhi4 liang4）：</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="90"/>
        <source>{0} is now read {1} everywhere. Undo in My Corrections.</source>
        <translation>“{0}”现在处处读作 {1}。可在“我的纠正”中撤销。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="95"/>
        <source>Split Word</source>
        <translation>拆分词语</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="96"/>
        <source>Put a space where {0} is to be cut (applies everywhere):</source>
        <translation>在“{0}”需要切开的地方加空格（处处生效）：</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="99"/>
        <source>{0} is now cut as {1} everywhere.</source>
        <translation>“{0}”现在处处切分为 {1}。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="111"/>
        <source>The library could not be opened.</source>
        <translation>文库无法打开。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="127"/>
        <source>The correction of {0} was undone.</source>
        <translation>已撤销对“{0}”的纠正。</translation>
    </message>
    <message>
        <location filename="../window_learner.py" line="129"/>
        <source>No correction to undo.</source>
        <translation>没有可撤销的纠正。</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../panels/library.py" line="89"/>
        <source>Search titles and text…</source>
        <translation>搜索标题和正文…</translation>
    </message>
    <message>
        <location filename="../panels/library.py" line="90"/>
        <source>Only articles I can read, at</source>
        <translation>只列出我能读的文章，认识至少</translation>
    </message>
    <message>
        <location filename="../panels/library.py" line="91"/>
        <source>Articles whose running words you know at least this share of</source>
        <translation>只列出你认识的词次至少达到这个比例的文章</translation>
    </message>
    <message>
        <location filename="../panels/library.py" line="92"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../panels/library.py" line="92"/>
        <source>Known</source>
        <translation>认识</translation>
    </message>
    <message>
        <location filename="../panels/library.py" line="132"/>
        <source>{0} % known</source>
        <translation>认识 {0}%</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window_language.py" line="17"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../window_language.py" line="17"/>
        <source>Glossary</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../window_language.py" line="18"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../window_language.py" line="18"/>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <location filename="../window_language.py" line="19"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../window_language.py" line="19"/>
        <source>Article Information</source>
        <translation>文章信息</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="178"/>
        <source>adding pinyin…</source>
        <translation>正在添加拼音…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>Open Article</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Articles (*.txt *.md *.markdown *.text *.html *.htm *.mhtml *.mht *.epub);;All files (*)</source>
        <translation>文章 (*.txt *.md *.markdown *.text *.html *.htm *.mhtml *.mht *.epub);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <source>Section {0} of {1}: {2}</source>
        <translation>第 {0} 节，共 {1} 节：{2}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="299"/>
        <source>Chinese font:</source>
        <translation>中文字体：</translation>
    </message>
</context>
<context>
    <name>NoteBubble</name>
    <message>
        <location filename="../note_bubble.py" line="76"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../note_bubble.py" line="77"/>
        <source>Keep the changed note (Ctrl+Enter)</source>
        <translation>保存修改后的笔记（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../note_bubble.py" line="78"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../note_bubble.py" line="79"/>
        <source>Your note</source>
        <translation>你的笔记</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../note_dialog.py" line="24"/>
        <source>Your note (optional)</source>
        <translation>你的笔记（可不填）</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../panels/notes.py" line="65"/>
        <source>All articles</source>
        <translation>所有文章</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="66"/>
        <source>Edit Note…</source>
        <translation>编辑笔记…</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="67"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="68"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="69"/>
        <source>Re-attach Here</source>
        <translation>重新附加到此处</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="70"/>
        <source>Select the passage in the article, then attach the chosen orphan to it</source>
        <translation>在文章中选中段落，再把选中的孤立笔记附加到那里</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="87"/>
        <source>Orphans: not found in the changed article</source>
        <translation>孤立笔记：在修改后的文章中找不到</translation>
    </message>
    <message>
        <location filename="../panels/notes.py" line="90"/>
        <source>Highlights and notes</source>
        <translation>高亮和笔记</translation>
    </message>
</context>
<context>
    <name>NotesWindowMixin</name>
    <message>
        <location filename="../window_notes.py" line="77"/>
        <source>Bookmarks need the library, which could not be opened.</source>
        <translation>书签需要文库，但文库无法打开。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="83"/>
        <source>Bookmarked: {0}</source>
        <translation>已加书签：{0}</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="97"/>
        <source>This note&apos;s passage is no longer in the article.</source>
        <translation>这条笔记所在的段落已不在文章中。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="117"/>
        <source>Select some text of the article first.</source>
        <translation>请先选中文章中的文字。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="123"/>
        <source>Highlight with Note</source>
        <translation>高亮并加笔记</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="129"/>
        <location filename="../window_notes.py" line="142"/>
        <location filename="../window_notes.py" line="161"/>
        <source>Your note was copied to the clipboard.</source>
        <translation>你的笔记已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="139"/>
        <source>Edit Note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="163"/>
        <source>Note saved.</source>
        <translation>笔记已保存。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="169"/>
        <source>Deleted. Undo with Ctrl+Z.</source>
        <translation>已删除。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="175"/>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="175"/>
        <source>Nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="183"/>
        <source>Choose an orphan in the Notes panel and select the passage it belongs to.</source>
        <translation>请在笔记面板中选一条孤立笔记，并选中它所属的段落。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="187"/>
        <source>Re-attached.</source>
        <translation>已重新附加。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="209"/>
        <source>The library could not be opened, so no words are saved.</source>
        <translation>文库无法打开，因此没有保存的生词。</translation>
    </message>
    <message>
        <location filename="../window_notes.py" line="248"/>
        <source>{0} more words of HSK 1–{1} marked known.</source>
        <translation>又有 {0} 个 HSK 1–{1} 级词标为认识。</translation>
    </message>
</context>
<context>
    <name>PinyinToolbar</name>
    <message>
        <location filename="../chrome.py" line="81"/>
        <source>Which words show pinyin (Ctrl+P: next mode)</source>
        <translation>哪些词显示拼音（Ctrl+P：切换模式）</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="82"/>
        <source>Show pinyin for words above this HSK level</source>
        <translation>为高于此 HSK 等级的词显示拼音</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="80"/>
        <source> Pinyin: </source>
        <translation> 拼音：</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="79"/>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="109"/>
        <source>All words</source>
        <translation>所有词</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="109"/>
        <source>Glossary terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="110"/>
        <source>Above HSK level</source>
        <translation>高于 HSK 等级</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="110"/>
        <source>Unknown words</source>
        <translation>生词</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="111"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PopupMixin</name>
    <message>
        <location filename="../window_popup.py" line="38"/>
        <source>Saved {0} to your vocabulary.</source>
        <translation>已把 {0} 存入生词本。</translation>
    </message>
    <message>
        <location filename="../window_popup.py" line="46"/>
        <source>Removed {0} from your vocabulary.</source>
        <translation>已从生词本删除 {0}。</translation>
    </message>
    <message>
        <location filename="../window_popup.py" line="57"/>
        <source>Add Note</source>
        <translation>添加笔记</translation>
    </message>
    <message>
        <location filename="../window_popup.py" line="57"/>
        <source>Note on {0}:</source>
        <translation>关于“{0}”的笔记：</translation>
    </message>
    <message>
        <location filename="../window_popup.py" line="61"/>
        <source>Note added.</source>
        <translation>已添加笔记。</translation>
    </message>
    <message>
        <location filename="../window_popup.py" line="65"/>
        <source>Your note was copied to the clipboard.</source>
        <translation>你的笔记已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <location filename="../controller.py" line="67"/>
        <source>The library could not be opened, so nothing will be remembered: {0}</source>
        <translation>无法打开文库，阅读记录不会保存：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="87"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="97"/>
        <location filename="../controller.py" line="124"/>
        <source>The pasted text could not be read as an article: {0}</source>
        <translation>粘贴的文字无法作为文章读取：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="104"/>
        <source>Fetching {0}…</source>
        <translation>正在获取 {0}…</translation>
    </message>
    <message>
        <location filename="../controller.py" line="115"/>
        <source>Could not open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="149"/>
        <source>The sample article is missing from this installation; open a file instead.</source>
        <translation>安装中缺少示例文章，请打开一个文件。</translation>
    </message>
    <message>
        <location filename="../controller.py" line="186"/>
        <source>Pinyin could not be added: {0}</source>
        <translation>无法添加拼音：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="265"/>
        <source>{0} characters</source>
        <translation>{0} 字</translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <location filename="../report_problem.py" line="28"/>
        <source>Report a Problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="30"/>
        <source>This report holds Dubao&apos;s version, your settings and the last lines of its log, so that someone can help you. Your articles and notes stay out of it unless you tick a box below. Nothing is sent anywhere: you choose where to save it.</source>
        <translation>这份报告包含读报的版本、你的设置和日志的最后几行，方便别人帮助你。除非你勾选下面的选项，否则不包含你的文章和笔记。报告不会发送到任何地方：由你选择保存位置。</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="35"/>
        <source>Include the text of the open article</source>
        <translation>包含当前文章的正文</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="37"/>
        <source>Include my bookmarks, highlights and notes</source>
        <translation>包含我的书签、高亮和笔记</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="63"/>
        <source>Save Problem Report</source>
        <translation>保存问题报告</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="64"/>
        <source>Zip archive (*.zip);;Text file (*.txt)</source>
        <translation>Zip 压缩包 (*.zip);;文本文件 (*.txt)</translation>
    </message>
    <message>
        <location filename="../report_problem.py" line="73"/>
        <source>Report not saved</source>
        <translation>报告未保存</translation>
    </message>
</context>
<context>
    <name>SectionsPanel</name>
    <message>
        <location filename="../panels/sections.py" line="34"/>
        <source>Lead</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../panels/sections.py" line="36"/>
        <source>Continued: {0}</source>
        <translation>续：{0}</translation>
    </message>
    <message>
        <location filename="../panels/sections.py" line="38"/>
        <source>Captions</source>
        <translation>图片说明</translation>
    </message>
</context>
<context>
    <name>SpeechWindowMixin</name>
    <message>
        <location filename="../window_speech.py" line="83"/>
        <source>Reading aloud is not installed</source>
        <translation>未安装朗读功能</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="84"/>
        <source>Reading aloud needs Qt&apos;s speech module, which comes with PySide6-Addons:
pip install &apos;PySide6-Addons=={0}&apos;</source>
        <translation>朗读需要 Qt 的语音模块，它随 PySide6-Addons 提供：
pip install &apos;PySide6-Addons=={0}&apos;</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="88"/>
        <source>No Mandarin voice</source>
        <translation>没有普通话语音</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="89"/>
        <source>This system has no Mandarin Chinese voice, so Dubao cannot read aloud.</source>
        <translation>本系统没有普通话语音，读报无法朗读。</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="95"/>
        <source>Reading speed: {0:+.0%}</source>
        <translation>朗读速度：{0:+.0%}</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="104"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../window_speech.py" line="104"/>
        <source>Read with:</source>
        <translation>朗读语音：</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message>
        <location filename="../vocabulary.py" line="89"/>
        <source>Vocabulary</source>
        <translation>生词本</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="90"/>
        <source>All words</source>
        <translation>所有词</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="94"/>
        <source>Search words, pinyin and meanings…</source>
        <translation>搜索词语、拼音和释义…</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="95"/>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="95"/>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="95"/>
        <source>Meaning</source>
        <translation>释义</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="96"/>
        <source>Sentence</source>
        <translation>例句</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="96"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="97"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="98"/>
        <source>7 stands for the band 7–9</source>
        <translation>7 表示 7–9 级</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="99"/>
        <source>Mark All Known</source>
        <translation>全部标为认识</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="100"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="101"/>
        <source>Set status:</source>
        <translation>设置状态：</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="102"/>
        <source>Mark all words of</source>
        <translation>把以下等级的所有词</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="106"/>
        <source>New</source>
        <translation>新词</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="106"/>
        <source>Learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="106"/>
        <source>Known</source>
        <translation>认识</translation>
    </message>
    <message>
        <location filename="../vocabulary.py" line="127"/>
        <source>{0} words</source>
        <translation>{0} 个词</translation>
    </message>
</context>
<context>
    <name>WebWindowMixin</name>
    <message>
        <location filename="../window_web.py" line="20"/>
        <source>Feeds</source>
        <translation>订阅源</translation>
    </message>
    <message>
        <location filename="../window_web.py" line="50"/>
        <source>Open Web Address</source>
        <translation>打开网址</translation>
    </message>
    <message>
        <location filename="../window_web.py" line="50"/>
        <source>The address of a news article:</source>
        <translation>新闻文章的网址：</translation>
    </message>
    <message>
        <location filename="../window_web.py" line="62"/>
        <source>Subscribe to Feed</source>
        <translation>订阅新闻源</translation>
    </message>
    <message>
        <location filename="../window_web.py" line="63"/>
        <source>The address of an RSS or Atom feed, or of a news site that advertises one:</source>
        <translation>RSS 或 Atom 订阅源的地址，或提供订阅源的新闻网站地址：</translation>
    </message>
    <message>
        <location filename="../window_web.py" line="75"/>
        <source>The clipboard holds no text to open as an article.</source>
        <translation>剪贴板中没有可以打开的文字。</translation>
    </message>
</context>
<context>
    <name>WordPopup</name>
    <message>
        <location filename="../popup.py" line="62"/>
        <source>HSK {0}</source>
        <translation>HSK {0} 级</translation>
    </message>
    <message>
        <location filename="../popup.py" line="63"/>
        <source>not on the HSK lists</source>
        <translation>不在 HSK 词表中</translation>
    </message>
    <message>
        <location filename="../popup.py" line="68"/>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../popup.py" line="69"/>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../popup.py" line="205"/>
        <source>Listen</source>
        <translation>听</translation>
    </message>
    <message>
        <location filename="../popup.py" line="206"/>
        <source>Say this word aloud</source>
        <translation>朗读这个词</translation>
    </message>
    <message>
        <location filename="../popup.py" line="203"/>
        <source>Known</source>
        <translation>认识</translation>
    </message>
    <message>
        <location filename="../popup.py" line="75"/>
        <source>No dictionary entry.</source>
        <translation>词典中没有此词。</translation>
    </message>
    <message>
        <location filename="../popup.py" line="204"/>
        <source>Mark this word known (Ctrl+K); click again to unmark</source>
        <translation>把这个词标为认识（Ctrl+K）；再点一次取消</translation>
    </message>
    <message>
        <location filename="../popup.py" line="207"/>
        <source>Correct</source>
        <translation>纠正</translation>
    </message>
    <message>
        <location filename="../popup.py" line="208"/>
        <source>Fix this word&apos;s reading or where it is cut, everywhere</source>
        <translation>纠正这个词的读音或切分（处处生效）</translation>
    </message>
    <message>
        <location filename="../popup.py" line="209"/>
        <source>Fix Reading…</source>
        <translation>纠正读音…</translation>
    </message>
    <message>
        <location filename="../popup.py" line="209"/>
        <source>Split Word…</source>
        <translation>拆分词语…</translation>
    </message>
    <message>
        <location filename="../popup.py" line="210"/>
        <source>Join with Next Word</source>
        <translation>与下一个词合并</translation>
    </message>
    <message>
        <location filename="../popup.py" line="219"/>
        <source>Save word</source>
        <translation>收藏生词</translation>
    </message>
    <message>
        <location filename="../popup.py" line="219"/>
        <source>Saved ✓</source>
        <translation>已收藏 ✓</translation>
    </message>
    <message>
        <location filename="../popup.py" line="220"/>
        <source>In your vocabulary; click to remove it</source>
        <translation>已在生词本中；点击可移除</translation>
    </message>
    <message>
        <location filename="../popup.py" line="221"/>
        <source>Add this word to your vocabulary</source>
        <translation>把这个词加入生词本</translation>
    </message>
    <message>
        <location filename="../popup.py" line="212"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../popup.py" line="213"/>
        <source>Bookmark here</source>
        <translation>在此加书签</translation>
    </message>
    <message>
        <location filename="../popup.py" line="214"/>
        <source>Add note</source>
        <translation>添加笔记</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../actions.py" line="27"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="28"/>
        <source>Open &amp;Web Address…</source>
        <translation>打开网址(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="29"/>
        <source>&amp;Paste Text as New Article</source>
        <translation>粘贴文字为新文章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="30"/>
        <source>&amp;Subscribe to Feed…</source>
        <translation>订阅新闻源(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="31"/>
        <source>Re&amp;fresh Feeds</source>
        <translation>刷新订阅源(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="32"/>
        <source>F&amp;eeds</source>
        <translation>订阅源(&amp;E)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="33"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="34"/>
        <source>Export Notes of This Article as &amp;Markdown…</source>
        <translation>导出本文笔记为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="35"/>
        <source>Export Notes of This Article as CS&amp;V…</source>
        <translation>导出本文笔记为 CSV(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="36"/>
        <source>Export Notes of All Articles as Mar&amp;kdown…</source>
        <translation>导出所有文章的笔记为 Markdown(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="37"/>
        <source>Export Notes of All Articles as CSV…</source>
        <translation>导出所有文章的笔记为 CSV…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="38"/>
        <source>Export Vocabulary as &amp;Anki Deck…</source>
        <translation>导出生词为 Anki 卡组(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="39"/>
        <source>Export Vocabulary as CSV…</source>
        <translation>导出生词为 CSV…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="40"/>
        <source>Export &amp;Glossary…</source>
        <translation>导出术语表(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="41"/>
        <source>Export &amp;Trainer Pack…</source>
        <translation>导出教师包(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="42"/>
        <source>&amp;Import Trainer Pack…</source>
        <translation>导入教师包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="43"/>
        <source>&amp;Back Up Library…</source>
        <translation>备份文库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="44"/>
        <source>&amp;Restore Library from Backup…</source>
        <translation>从备份恢复文库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="45"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="46"/>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="47"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="48"/>
        <source>Copy with &amp;Pinyin</source>
        <translation>连同拼音复制(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="49"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="50"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="51"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="52"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="53"/>
        <source>&amp;Look Up Word at Cursor</source>
        <translation>查光标处的词(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="54"/>
        <source>&amp;Bookmark Here</source>
        <translation>在此加书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="55"/>
        <source>&amp;Highlight Selection</source>
        <translation>高亮所选文字(&amp;H)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="56"/>
        <source>Highlight with &amp;Note…</source>
        <translation>高亮并加笔记(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="57"/>
        <source>Highlight &amp;Yellow</source>
        <translation>黄色高亮(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="58"/>
        <source>Highlight &amp;Green</source>
        <translation>绿色高亮(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="59"/>
        <source>Highlight Bl&amp;ue</source>
        <translation>蓝色高亮(&amp;U)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="60"/>
        <source>Highlight &amp;Pink</source>
        <translation>粉色高亮(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="61"/>
        <source>Highlight Pu&amp;rple</source>
        <translation>紫色高亮(&amp;R)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="62"/>
        <source>&amp;Re-attach Orphaned Note Here</source>
        <translation>把孤立笔记重新附加到此处(&amp;R)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="63"/>
        <source>Boo&amp;kmarks Panel</source>
        <translation>书签面板(&amp;K)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="64"/>
        <source>N&amp;otes Panel</source>
        <translation>笔记面板(&amp;O)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="65"/>
        <source>Mark Word &amp;Known / Not Known</source>
        <translation>标为认识/不认识(&amp;K)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="66"/>
        <source>My &amp;Corrections…</source>
        <translation>我的纠正(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="67"/>
        <source>Undo Last Co&amp;rrection</source>
        <translation>撤销上一次纠正(&amp;R)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="68"/>
        <source>&amp;Vocabulary…</source>
        <translation>生词本(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="69"/>
        <source>Pinyin for &amp;All Words</source>
        <translation>所有词加拼音(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="70"/>
        <source>Pinyin for &amp;Glossary Terms Only</source>
        <translation>只为术语加拼音(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="71"/>
        <source>Pinyin Above &amp;HSK Level…</source>
        <translation>高于 HSK 等级的词加拼音(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="72"/>
        <source>Pinyin for &amp;Unknown Words</source>
        <translation>生词加拼音(&amp;U)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="73"/>
        <source>Pinyin &amp;Off</source>
        <translation>关闭拼音(&amp;O)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="74"/>
        <source>&amp;Next Pinyin Mode</source>
        <translation>下一种拼音模式(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="75"/>
        <source>Tone &amp;Numbers Instead of Marks</source>
        <translation>用数字标声调(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="76"/>
        <source>Tone &amp;Colours</source>
        <translation>声调颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="77"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="78"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="79"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="80"/>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="81"/>
        <source>More Line &amp;Spacing</source>
        <translation>加大行距(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="82"/>
        <source>Less Line Spa&amp;cing</source>
        <translation>减小行距(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="83"/>
        <source>&amp;Light Theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="84"/>
        <source>&amp;Sepia Theme</source>
        <translation>护眼主题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="85"/>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="86"/>
        <source>Next &amp;Theme</source>
        <translation>下一个主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="87"/>
        <source>&amp;Full-Screen Reading</source>
        <translation>全屏阅读(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="88"/>
        <source>Sections &amp;Panel</source>
        <translation>章节面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="89"/>
        <source>&amp;Glossary Panel</source>
        <translation>术语面板(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="90"/>
        <source>Characters as &amp;Written</source>
        <translation>按原文字形(&amp;W)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="91"/>
        <source>Si&amp;mplified Characters</source>
        <translation>简体字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="92"/>
        <source>T&amp;raditional Characters</source>
        <translation>繁体字(&amp;R)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="93"/>
        <source>Traditional Characters (&amp;Taiwan)</source>
        <translation>繁体字（台湾）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="94"/>
        <source>Traditional Characters (Hong &amp;Kong)</source>
        <translation>繁体字（香港）(&amp;K)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="95"/>
        <source>Read &amp;Sentence</source>
        <translation>朗读句子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="96"/>
        <source>Read Se&amp;ction</source>
        <translation>朗读本节(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="97"/>
        <source>Say &amp;Word at Cursor</source>
        <translation>朗读光标处的词(&amp;W)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="98"/>
        <source>&amp;Pause or Resume</source>
        <translation>暂停或继续(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="99"/>
        <source>S&amp;top Reading</source>
        <translation>停止朗读(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="100"/>
        <source>&amp;Faster</source>
        <translation>加快(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="101"/>
        <source>S&amp;lower</source>
        <translation>放慢(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="102"/>
        <source>&amp;Voice…</source>
        <translation>语音(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="103"/>
        <source>Article &amp;Information Panel</source>
        <translation>文章信息面板(&amp;I)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="104"/>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="105"/>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="106"/>
        <source>Present from the &amp;Beginning</source>
        <translation>从头开始演示(&amp;B)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="107"/>
        <source>Present from &amp;This Section</source>
        <translation>从本节开始演示(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="108"/>
        <source>Print &amp;Handout…</source>
        <translation>打印讲义(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="109"/>
        <source>&amp;About Dubao</source>
        <translation>关于读报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="110"/>
        <source>&amp;Report a Problem…</source>
        <translation>报告问题(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="116"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="116"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="116"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="116"/>
        <source>&amp;Pinyin</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="116"/>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="117"/>
        <source>Lis&amp;ten</source>
        <translation>朗读(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="118"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="118"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="119"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>exporting</name>
    <message>
        <location filename="../exporting.py" line="20"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="21"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="22"/>
        <source>Anki deck (*.apkg)</source>
        <translation>Anki 卡组 (*.apkg)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="23"/>
        <source>Glossary (*.tsv)</source>
        <translation>术语表 (*.tsv)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="24"/>
        <source>Dubao backup (*.sqlite3)</source>
        <translation>读报备份 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="25"/>
        <source>Dubao trainer pack (*.json)</source>
        <translation>读报教师包 (*.json)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="32"/>
        <location filename="../exporting.py" line="122"/>
        <location filename="../exporting.py" line="160"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="40"/>
        <source>{0} exists already. Replace it?</source>
        <translation>{0} 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="51"/>
        <source>The library could not be opened, so there is nothing to export.</source>
        <translation>文库无法打开，没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="62"/>
        <source>Written: {0}</source>
        <translation>已写入：{0}</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="79"/>
        <location filename="../exporting.py" line="83"/>
        <source>Export Notes</source>
        <translation>导出笔记</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="80"/>
        <source>This article is not in the library, so it has no notes.</source>
        <translation>这篇文章不在文库中，因此没有笔记。</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="93"/>
        <source>Export Vocabulary</source>
        <translation>导出生词</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="105"/>
        <source>Export Glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="110"/>
        <source>Back Up Library</source>
        <translation>备份文库</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="116"/>
        <source>Restore Library</source>
        <translation>恢复文库</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="119"/>
        <source>The library could not be opened; restart Dubao to be offered a backup.</source>
        <translation>文库无法打开；请重新启动读报以选择备份。</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="126"/>
        <source>Replace everything in your library (articles, notes, words) with {0}?

What is there now is kept as an automatic backup first.</source>
        <translation>用 {0} 替换文库中的全部内容（文章、笔记、生词）吗？

现有内容会先保存为自动备份。</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="142"/>
        <source>Restored. The previous state was saved as {0}</source>
        <translation>已恢复。之前的内容已保存为 {0}</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="151"/>
        <source>Export Trainer Pack</source>
        <translation>导出教师包</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="159"/>
        <source>Import Trainer Pack</source>
        <translation>导入教师包</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="167"/>
        <source>{0} added, {1} changed, {2} skipped.</source>
        <translation>新增 {0} 条，修改 {1} 条，跳过 {2} 条。</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="169"/>
        <source>Added:</source>
        <translation>新增：</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="170"/>
        <source>Changed:</source>
        <translation>修改：</translation>
    </message>
    <message>
        <location filename="../exporting.py" line="171"/>
        <source>Skipped:</source>
        <translation>跳过：</translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <location filename="../lookup.py" line="32"/>
        <source>Looking the word up…</source>
        <translation>正在查词…</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <location filename="../recovery.py" line="28"/>
        <location filename="../recovery.py" line="78"/>
        <source>Library Damaged</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="30"/>
        <source>Restore the Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="32"/>
        <source>Continue Without Saving</source>
        <translation>继续阅读，不保存</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="48"/>
        <source>Library From a Newer Dubao</source>
        <translation>文库来自更新版本的读报</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="48"/>
        <source>Your library was written by a newer version of Dubao. It was left untouched.

You can read on, but bookmarks, notes and words are not saved until you update Dubao.

{0}</source>
        <translation>你的文库是由更新版本的读报写入的，没有做任何改动。

你可以继续阅读，但在更新读报之前，书签、笔记和生词不会保存。

{0}</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="53"/>
        <source>Library in Use</source>
        <translation>文库正被使用</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="53"/>
        <source>Another program is using your library, so nothing will be saved this time.

{0}</source>
        <translation>另一个程序正在使用你的文库，这次不会保存任何内容。

{0}</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="61"/>
        <source>Your library could not be opened: {0}

The file was left untouched.</source>
        <translation>你的文库无法打开：{0}

文件没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="63"/>
        <source>The newest good backup is from {0}. Restore it? The damaged file is kept beside it.</source>
        <translation>最新的完好备份来自 {0}。要恢复它吗？损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="64"/>
        <source>There is no good backup to restore. You can read on without saving.</source>
        <translation>没有可以恢复的完好备份。你可以继续阅读，但不会保存。</translation>
    </message>
    <message>
        <location filename="../recovery.py" line="90"/>
        <source>The backup was restored; the damaged file is kept as {0}.</source>
        <translation>备份已恢复；损坏的文件保留为 {0}。</translation>
    </message>
</context>
<context>
    <name>toolbar</name>
    <message>
        <location filename="../chrome.py" line="34"/>
        <source>Numbers</source>
        <translation>数字调号</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="34"/>
        <source>Colours</source>
        <translation>声调颜色</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="35"/>
        <source>Smaller</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="35"/>
        <source>Larger</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="36"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="36"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="37"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="37"/>
        <source>Glossary</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="38"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
</context>
</TS>
