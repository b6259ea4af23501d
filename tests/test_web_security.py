"""What reaches the server from outside: body sizes, paths, reads during a write."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from attache.cli.ingest import ingest_paths  # noqa: E402
from attache.store import Store  # noqa: E402
from attache.web import create_app  # noqa: E402
from attache.web.app import MAX_REQUEST_BYTES  # noqa: E402

from conftest import EXAMPLES  # noqa: E402

TOKEN = "another-s3cret"


@pytest.fixture
def server(tmp_path):
    path = tmp_path / "kb.db"
    with Store(path) as store:
        ingest_paths(store, [str(EXAMPLES)], max_bytes=2**20)
    return path, TestClient(create_app(path, token=TOKEN), raise_server_exceptions=False)


def test_an_oversized_upload_is_refused_before_its_body_is_read(server):
    _, client = server
    response = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}",
                                                      "Content-Length": str(MAX_REQUEST_BYTES + 1)},
                           content=b"{}")
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]["message"]


def test_a_body_without_a_length_is_refused(server):
    _, client = server
    response = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                           content=iter([b'{"id": "x", ', b'"text": "Hello."}']))
    assert response.status_code == 411


@pytest.mark.parametrize("url", ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/store/sqlite.py",
                                 "/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/%2Fetc%2Fpasswd"])
def test_request_paths_never_reach_the_file_system(server, url):
    _, client = server
    response = client.get(url)
    assert response.status_code == 404
    assert "root:" not in response.text and "import" not in response.text


def test_reads_keep_answering_while_an_ingest_holds_a_write_transaction(server):
    path, client = server
    with Store(path) as writer, writer.transaction() as tx:
        tx.execute("DELETE FROM claims")
        assert client.get("/api/claims").json()["total"] > 0
        assert client.get("/").status_code == 200
