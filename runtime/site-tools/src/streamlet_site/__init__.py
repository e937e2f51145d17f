"""The site's build-time tools, kept out of the runtime wheel the browser downloads.

``parse`` reads the docs' markdown into snippets and steps, ``pages`` checks that the
three languages' pages are the same pages, ``pytest_plugin`` runs every fence as a test,
``plugin`` is the mkdocs plugin ``streamlet-live`` (with ``steps_text``: the steps told in
the page's language) and ``serve`` serves the built site with COOP/COEP.
"""
