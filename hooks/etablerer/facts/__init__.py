"""Facts: what the validated data means, independent of pages.

The agreement in force, course status and filters, the funding table in Decimal,
whether anything is sample, the host municipality of a copy, formats of figures and
dates, a data text in a language.
May import: inputs.
"""
