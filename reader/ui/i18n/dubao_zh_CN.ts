<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../panels/findbar.py" line="27"/>
        <source>Find in article (汉字 or pinyin)</source>
        <translation>在文章中查找（汉字或拼音）</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="28"/>
        <source>Match pinyin</source>
        <translation>匹配拼音</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="37"/>
        <source>Previous match</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="37"/>
        <source>Next match</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../panels/findbar.py" line="64"/>
        <source>No matches</source>
        <translation>没有找到</translation>
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
    <name>LibraryPanel</name>
    <message>
        <location filename="../panels/library.py" line="37"/>
        <source>Search titles and text…</source>
        <translation>搜索标题和正文…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="49"/>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="50"/>
        <source>Glossary</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="51"/>
        <source>Library</source>
        <translation>文库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162"/>
        <source>adding pinyin…</source>
        <translation>正在添加拼音…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>Open Article</source>
        <translation>打开文章</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>Articles (*.txt *.md *.markdown *.text);;All files (*)</source>
        <translation>文章 (*.txt *.md *.markdown *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="196"/>
        <source>The clipboard holds no text to open as an article.</source>
        <translation>剪贴板中没有可以打开的文字。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>Section {0} of {1}: {2}</source>
        <translation>第 {0} 节，共 {1} 节：{2}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="311"/>
        <source>{0}: {1} of {2}</source>
        <translation>{0}：第 {1} 处，共 {2} 处</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>Font</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>Chinese font:</source>
        <translation>中文字体：</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="343"/>
        <source>The interface language changes when Dubao starts next time.</source>
        <translation>界面语言将在下次启动读报时更改。</translation>
    </message>
</context>
<context>
    <name>PinyinToolbar</name>
    <message>
        <location filename="../chrome.py" line="42"/>
        <source>Which words show pinyin (Ctrl+P: next mode)</source>
        <translation>哪些词显示拼音（Ctrl+P：切换模式）</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="46"/>
        <source>Show pinyin for words above this HSK level</source>
        <translation>为高于此 HSK 等级的词显示拼音</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="47"/>
        <source> Pinyin: </source>
        <translation> 拼音：</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="58"/>
        <source>All words</source>
        <translation>所有词</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="58"/>
        <source>Glossary terms</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="59"/>
        <source>Above HSK level</source>
        <translation>高于 HSK 等级</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="59"/>
        <source>Unknown words</source>
        <translation>生词</translation>
    </message>
    <message>
        <location filename="../chrome.py" line="60"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <location filename="../controller.py" line="54"/>
        <source>The library could not be opened, so nothing will be remembered: {0}</source>
        <translation>无法打开文库，阅读记录不会保存：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="63"/>
        <source>Could not open {0}: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="73"/>
        <source>The pasted text could not be read as an article: {0}</source>
        <translation>粘贴的文字无法作为文章读取：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="98"/>
        <source>The sample article is missing from this installation; open a file instead.</source>
        <translation>安装中缺少示例文章，请打开一个文件。</translation>
    </message>
    <message>
        <location filename="../controller.py" line="132"/>
        <source>Pinyin could not be added: {0}</source>
        <translation>无法添加拼音：{0}</translation>
    </message>
    <message>
        <location filename="../controller.py" line="162"/>
        <source>{0} characters</source>
        <translation>{0} 字</translation>
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
    <name>WordPopup</name>
    <message>
        <location filename="../popup.py" line="54"/>
        <source>HSK {0}</source>
        <translation>HSK {0} 级</translation>
    </message>
    <message>
        <location filename="../popup.py" line="55"/>
        <source>not on the HSK lists</source>
        <translation>不在 HSK 词表中</translation>
    </message>
    <message>
        <location filename="../popup.py" line="111"/>
        <source>Save word</source>
        <translation>收藏生词</translation>
    </message>
    <message>
        <location filename="../popup.py" line="112"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../popup.py" line="113"/>
        <source>Bookmark here</source>
        <translation>在此加书签</translation>
    </message>
    <message>
        <location filename="../popup.py" line="114"/>
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
        <source>&amp;Paste Text as New Article</source>
        <translation>粘贴文字为新文章(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="29"/>
        <source>&amp;Library</source>
        <translation>文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="30"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="31"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="32"/>
        <source>Copy with &amp;Pinyin</source>
        <translation>连同拼音复制(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="33"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="34"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="35"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="36"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="37"/>
        <source>&amp;Look Up Word at Cursor</source>
        <translation>查光标处的词(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="38"/>
        <source>Pinyin for &amp;All Words</source>
        <translation>所有词加拼音(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="39"/>
        <source>Pinyin for &amp;Glossary Terms Only</source>
        <translation>只为术语加拼音(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="40"/>
        <source>Pinyin Above &amp;HSK Level…</source>
        <translation>高于 HSK 等级的词加拼音(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="41"/>
        <source>Pinyin for &amp;Unknown Words</source>
        <translation>生词加拼音(&amp;U)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="42"/>
        <source>Pinyin &amp;Off</source>
        <translation>关闭拼音(&amp;O)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="43"/>
        <source>&amp;Next Pinyin Mode</source>
        <translation>下一种拼音模式(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="44"/>
        <source>Tone &amp;Numbers Instead of Marks</source>
        <translation>用数字标声调(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="45"/>
        <source>Tone &amp;Colours</source>
        <translation>声调颜色(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="46"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="47"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="48"/>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="49"/>
        <source>&amp;Font…</source>
        <translation>字体(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../actions.py" line="50"/>
        <source>More Line &amp;Spacing</source>
        <translation>加大行距(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="51"/>
        <source>Less Line Spa&amp;cing</source>
        <translation>减小行距(&amp;C)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="52"/>
        <source>&amp;Light Theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="53"/>
        <source>&amp;Sepia Theme</source>
        <translation>护眼主题(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="54"/>
        <source>&amp;Dark Theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="55"/>
        <source>Next &amp;Theme</source>
        <translation>下一个主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="56"/>
        <source>&amp;Full-Screen Reading</source>
        <translation>全屏阅读(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="57"/>
        <source>Sections &amp;Panel</source>
        <translation>章节面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="58"/>
        <source>&amp;Glossary Panel</source>
        <translation>术语面板(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="59"/>
        <source>&amp;Next Section</source>
        <translation>下一节(&amp;N)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="60"/>
        <source>&amp;Previous Section</source>
        <translation>上一节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="61"/>
        <source>Present from the &amp;Beginning</source>
        <translation>从头开始演示(&amp;B)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="62"/>
        <source>Present from &amp;This Section</source>
        <translation>从本节开始演示(&amp;T)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="63"/>
        <source>&amp;About Dubao</source>
        <translation>关于读报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="69"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="69"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="69"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="69"/>
        <source>&amp;Pinyin</source>
        <translation>拼音(&amp;P)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="70"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="70"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../actions.py" line="71"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>lookup</name>
    <message>
        <location filename="../lookup.py" line="29"/>
        <source>Looking the word up…</source>
        <translation>正在查词…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../chrome.py" line="39"/>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
</context>
</TS>
