from programmes.factories import ProgrammePageFactory


def test_programme_page_renders_under_site_tree(client, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], title="Terrific Teams")
    response = client.get(programme.url)
    assert response.status_code == 200
    assert b"Terrific Teams" in response.content
