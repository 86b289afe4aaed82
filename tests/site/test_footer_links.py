"""Every page type is reachable: the footer links the documents page."""

import pytest


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_footer_links_the_documents_page(client, site_pages, language):
    footer = client.get(f"/{language}/").content.decode().split('class="site-footer"')[1]
    assert f'<a href="/{language}/documents/">' in footer
