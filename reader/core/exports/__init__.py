"""Getting the user's data out: notes as Markdown or CSV, vocabulary as an Anki deck or CSV/TSV.

Every export is written through `reader.core.files` (a temporary file beside the target, then a rename) and never
replaces an existing file unless asked to (`force=True`); problems are an `ExportProblem` naming the file.
"""
