"""The Chinese language layer: words, pinyin read in context, dictionary, HSK levels and the policy glossary.

Nothing here imports Qt. The heavy libraries (jieba, pypinyin) are imported lazily, only when text has to be
segmented or read for the first time; a cached annotation is served without them (see `annotate`).
"""
