"""Listening (a word, the sentence at the caret, a section) and the script the article is shown in: a mixin of
MainWindow. The speaker is made on first use, so none of this touches the start-up path."""

from __future__ import annotations

from dataclasses import replace

from reader.core.lang.scripts import Script, shown_text
from reader.core.settings import SCRIPT, SPEECH_VOICE
from reader.ui.actions import script_action_name

NO_VOICE_HELP = {
    "linux": "Install a Mandarin voice for speech-dispatcher, for example on Debian or Ubuntu:\n"
             "sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng",
    "win32": "Open Settings › Time & language › Speech › Add voices and add Chinese (Simplified, China).",
    "darwin": "Open System Settings › Accessibility › Spoken Content › System Voice › Manage Voices and add a "
              "Chinese (China mainland) voice such as Tingting.",
}


def _qt_version() -> str:
    import PySide6

    return PySide6.__version__


class SpeechWindowMixin:
    """The window's speech controls and its View › Characters choice."""

    _speaker = None

    # --- speech ---------------------------------------------------------------------------------------------------
    def speaker(self):
        """Return the window's speaker, made on first use."""
        if self._speaker is None:
            from reader.ui.speech import Speaker

            self._speaker = Speaker(self, voice_name=self.prefs.value(SPEECH_VOICE))
            self._speaker.noVoice.connect(self.explain_no_voice)
            self._speaker.reading.connect(self._follow_reading)
            self._speaker.stateChanged.connect(self._speech_state)
        return self._speaker

    def say_word(self, word) -> None:
        """Say a word (from the popup's speaker button)."""
        if word is not None:
            self.speaker().say(word.text, list(word.readings))

    def read_at_caret(self, whole_section: bool) -> None:
        """Read the sentence at the caret, or the section from that sentence on."""
        document = self.view.document
        if document is None or not document.blocks:
            return
        block, offset = self.view.selection.caret
        blocks = document.blocks
        last = len(blocks)
        if whole_section:
            section = blocks[block].section
            last = next((i for i in range(block, len(blocks)) if blocks[i].section != section), len(blocks))
        paragraphs = [(i, blocks[i].text, blocks[i].readings()) for i in range(block, last)]
        self.speaker().read(paragraphs, offset, one=not whole_section)

    def read_paragraph(self, paragraph_id: str) -> None:
        """Read one paragraph aloud (the presentation's R key)."""
        blocks = self.view.document.blocks if self.view.document else []
        index = next((i for i, b in enumerate(blocks) if b.is_paragraph and b.key == paragraph_id), None)
        if index is not None:
            self.speaker().read([(index, blocks[index].text, blocks[index].readings())])

    def _follow_reading(self, item) -> None:
        utterance = item.utterance
        self.view.set_matches([(item.block, utterance.start, utterance.end)], 0)

    def _speech_state(self, state: str) -> None:
        if state == "ready" and self.find_bar.isHidden():
            self.view.set_matches([], -1)

    def explain_no_voice(self, module_missing: bool) -> None:
        """Say once why Dubao cannot read aloud here and how to change that; reading goes on without sound."""
        import sys

        from PySide6.QtWidgets import QMessageBox  # dialogs' Qt types are made when first used

        if module_missing:
            QMessageBox.information(self, self.tr("Reading aloud is not installed"), self.tr(
                "Reading aloud needs Qt's speech module, which comes with PySide6-Addons:\n"
                "pip install 'PySide6-Addons=={0}'").format(_qt_version()))
            return
        platform = next((key for key in NO_VOICE_HELP if sys.platform.startswith(key)), "linux")
        QMessageBox.information(self, self.tr("No Mandarin voice"),
                                self.tr("This system has no Mandarin Chinese voice, so Dubao cannot read aloud.")
                                + "\n\n" + NO_VOICE_HELP[platform])

    def change_speech_rate(self, step: int) -> None:
        """Read faster or slower, and say the new speed."""
        rate = self.speaker().change_rate(step)
        self.statusBar().showMessage(self.tr("Reading speed: {0:+.0%}").format(rate), 3000)

    def choose_voice(self) -> None:
        """Pick the Mandarin voice to read with."""
        speaker = self.speaker()
        names = speaker.voices()
        if not names:
            return
        current = names.index(speaker.voice_name) if speaker.voice_name in names else 0
        from PySide6.QtWidgets import QInputDialog

        name, chosen = QInputDialog.getItem(self, self.tr("Voice"), self.tr("Read with:"), names, current, False)
        if chosen:
            speaker.set_voice(name)
            self.prefs.settings.setValue(SPEECH_VOICE.key, name)

    # --- characters -----------------------------------------------------------------------------------------------
    def show_script(self, script: Script) -> None:
        """Show the article in `script` (display only: words, notes, find and pinyin keep their places)."""
        self.prefs.settings.setValue(SCRIPT.key, script.value)
        self.view.set_script(script)
        self.actions_[script_action_name(script)].setChecked(True)
        if self.view.document is not None:
            self.sections.set_sections(self.shown_sections(self.view.document))
            self.sections.mark_current(self.view.current_section())

    def shown_sections(self, document) -> list:
        """Return the document's section entries with their labels in the chosen script."""
        if self.view.script is Script.AS_WRITTEN:
            return document.sections
        return [replace(entry, label=shown_text(entry.label, self.view.script)) for entry in document.sections]

    def restore_script(self) -> None:
        """Show the script chosen last time (as written unless the reader chose another)."""
        script = Script(self.prefs.value(SCRIPT))
        if script is not Script.AS_WRITTEN:
            self.view.set_script(script)
        self.actions_[script_action_name(script)].setChecked(True)
