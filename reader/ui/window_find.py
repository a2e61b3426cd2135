"""Find in the article and stepping through a glossary term's occurrences (a mixin of MainWindow)."""

from __future__ import annotations

from reader.core.find import find_in_either_script, first_from


class FindMixin:
    """The find bar's and the glossary panel's intents: highlight matches and step through them."""

    def find(self, query: str, pinyin: bool) -> None:
        """Highlight every match of `query` and go to the first one from the reading position on."""
        if self.view.document is not None:
            self.centralWidget().layout().activate()  # a find bar just opened has taken its room from the view
            matches = find_in_either_script(self.view.document.blocks, query, pinyin)
            self.view.set_matches(matches, first_from(matches, self.view.top_position()))
            self.find_bar.show_count(self.view.current_match, len(matches))

    def step_match(self, step: int) -> None:
        """Go to the next or previous match (opening the find bar when there is nothing to step through)."""
        if not self.view.matches:
            self.find_bar.open_bar()
            return
        self.centralWidget().layout().activate()
        self.view.set_matches(self.view.matches, (self.view.current_match + step) % len(self.view.matches))
        self.find_bar.show_count(self.view.current_match, len(self.view.matches))

    def clear_find(self) -> None:
        """Remove find highlights."""
        self.view.set_matches([], -1)
        self.view.setFocus()

    def step_term(self, term: str) -> None:
        """Go to the next occurrence of a glossary term, highlighting all of them."""
        occurrences = self.view.document.glossary_occurrences(term) if self.view.document else []
        if occurrences:
            stepping = self.view.matches == occurrences
            self.view.set_matches(occurrences, (self.view.current_match + 1) % len(occurrences) if stepping else 0)
            self.statusBar().showMessage(self.tr("{0}: {1} of {2}").format(
                term, self.view.current_match + 1, len(occurrences)), 4000)
