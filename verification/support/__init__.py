"""The support console: the list, one record's page and retries (views, urls, forms)."""
