"""The texts of Dubao's desktop integration: the freedesktop `.desktop` entry and the AppStream metainfo."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reader import APP_ID, APP_NAME

MIME_TYPES = ("text/plain", "text/markdown")
# Characters that force an Exec argument into double quotes (Desktop Entry Specification, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED_IN_QUOTES = set('"`$\\')

SUMMARY = "Read Chinese news and policy articles with pinyin, word popups and notes"
DESCRIPTION_PARAGRAPHS = (
    "Dubao (读报, \"reading the paper\") shows Chinese news and policy articles with pinyin above every "
    "character, read in context, and explains words and policy terms in a popup when you point at them.",
    "Bookmarks, highlights, notes and a vocabulary list are kept on your computer; vocabulary exports to Anki. "
    "A presentation mode shows one section at a time, large, for teaching with a projector.",
    "Dubao works entirely offline: it opens on a readable article on first start and never uses the network.",
)


def quote_exec_argument(argument: str) -> str:
    """Return one Exec argument quoted as the Desktop Entry Specification requires (before string escaping)."""
    argument = argument.replace("%", "%%")
    if not any(ch in _EXEC_RESERVED for ch in argument):
        return argument
    inner = "".join("\\" + ch if ch in _EXEC_ESCAPED_IN_QUOTES else ch for ch in argument)
    return f'"{inner}"'


def exec_line(command: list[str]) -> str:
    """Return the value of the Exec key: the quoted command, then `%F` (the files to open), string-escaped."""
    quoted = " ".join(quote_exec_argument(arg) for arg in command) + " %F"
    return _escape_string_value(quoted)


def _escape_string_value(value: str) -> str:
    """Escape a value of type string: backslash first, then the control characters the spec names."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry(command: list[str]) -> str:
    """Return the `.desktop` entry that starts `command` with the chosen files, for the menu and "Open with"."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        f"Name={APP_NAME}",
        "Name[zh_CN]=读报",
        "Name[zh_TW]=讀報",
        "GenericName=Chinese News Reader",
        "GenericName[zh_CN]=中文新闻阅读器",
        f"Comment={SUMMARY}",
        f"TryExec={_escape_string_value(command[0])}",
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        f"MimeType={';'.join(MIME_TYPES)};",
        "Categories=Education;Languages;",
        "Keywords=Chinese;pinyin;news;reader;dictionary;vocabulary;Anki;中文;拼音;读报;",
    ]
    return "\n".join(lines) + "\n"


def metainfo() -> str:
    """Return the AppStream metainfo XML describing Dubao to software centres."""
    paragraphs = "\n".join(f"    <p>{escape(text)}</p>" for text in DESCRIPTION_PARAGRAPHS)
    mime_lines = "\n".join(f"    <mediatype>{mime}</mediatype>" for mime in MIME_TYPES)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>MIT AND CC-BY-SA-4.0</project_license>
  <name>{APP_NAME}</name>
  <name xml:lang="zh-CN">读报</name>
  <summary>{escape(SUMMARY)}</summary>
  <developer id="org.dubao">
    <name>The Dubao project</name>
  </developer>
  <description>
{paragraphs}
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <provides>
{mime_lines}
  </provides>
  <categories>
    <category>Education</category>
    <category>Languages</category>
  </categories>
  <content_rating type="oars-1.1"/>
</component>
"""
