"""Publish: from one generator run per language to the published tree.

What one generator run needs (sitebuild: plain data, no generator types), the
build that runs them and swaps site/ in (build), one copy per municipality
(copies), the Content-Security-Policy (csp), the manifest, verify and the
production guard.
May import: inputs, facts, view, render, reports.
"""
