"""What a sentence says, read once for every stage: words, names, numbers, who "he" is.

A layer below the stages rather than a stage: segment resolves pronouns with
it, stories read names, grouping compares quantities, and the verifier's checks
are built on it. Its modules are used directly: `text` (words, stems, stop
words), `wordkeys` (the keys under which two words match), `lexicon` (word
lists), `acronyms`, `quantities` (numbers with their units), `entities` (names,
places and roles), `reference` (who "he" is), `similarity` (TF-IDF) and
`tokens` (tiktoken counts for planning).
"""
