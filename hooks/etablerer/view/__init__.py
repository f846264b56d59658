"""View: what the pages show, in one language, on the as-of date (SiteView).

Also which pages the data asks for (pagespecs) and which exist in which language
(available), and the labels that tell courses of one title apart.
May import: inputs, facts.
"""
