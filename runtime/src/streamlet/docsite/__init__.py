"""The mkdocs side: the live fence turned into a block, its steps in the page's language, assets copied."""
