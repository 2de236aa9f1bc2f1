"""Settings → Model, "A server": address, model, API key, Test connection, and where the passages will go."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.background import BackgroundCall
from rag import FaroError, leaves_private_network, load_api_key, server_models

EXAMPLE_URL = "http://localhost:8080/v1"


def tr(text: str) -> str:
    return QCoreApplication.translate("ServerSettings", text)


class ServerSettings(QWidget):
    """The server fields; ``tested(models)`` fires after a successful Test connection."""

    tested = Signal(list)

    def __init__(self, url: str, model: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText(EXAMPLE_URL)
        self.url.setToolTip(tr("llama.cpp server: http://localhost:8080/v1 · Ollama: http://localhost:11434/v1 · "
                               "LM Studio: http://localhost:1234/v1"))
        self.url.textChanged.connect(self._url_changed)
        self.model = QComboBox(editable=True)
        self.model.setEditText(model)
        self.model.lineEdit().setPlaceholderText(tr("Press Test connection to list the server's models"))
        self.api_key = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.test = QPushButton(tr("Test connection"))
        self.test.clicked.connect(self.test_connection)
        self.result = QLabel(wordWrap=True, objectName="muted")
        self.privacy = QLabel(wordWrap=True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test)
        test_row.addWidget(self.result, 1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Server address:"), self.url)
        form.addRow(tr("Model:"), self.model)
        form.addRow(tr("API key:"), self.api_key)
        form.addRow("", test_row)
        form.addRow("", self.privacy)
        examples = QLabel(tr("Addresses of common servers on this computer:\n"
                             "llama.cpp server  http://localhost:8080/v1\nOllama  http://localhost:11434/v1\n"
                             "LM Studio  http://localhost:1234/v1\nvLLM  http://localhost:8000/v1"), objectName="muted")
        examples.setTextInteractionFlags(examples.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("", examples)
        self._check: BackgroundCall | None = None
        self._url_changed()
        self.api_key.setPlaceholderText(
            tr("Saved in this computer's password store") if url and load_api_key(url)
            else tr("Optional; kept in this computer's password store, never in Faro's settings file")
        )

    def key_text(self) -> str:
        return self.api_key.text().strip()

    def test_connection(self) -> None:
        """Ask the server for its models (off the GUI thread) and offer them in the Model list."""
        url, key = self.url.text().strip(), self.key_text()
        if not url:
            self._show_result(tr("Enter the server's address first, e.g. {0}").format(EXAMPLE_URL), error=True)
            return
        self.test.setEnabled(False)
        self._show_result(tr("Connecting to {0}…").format(url), error=False)

        def check() -> list[str]:
            return server_models(url, key or None)

        self._check = BackgroundCall(check, self)
        self._check.done.connect(self._models_listed)
        self._check.failed.connect(self._failed)
        self._check.start()

    def _models_listed(self, models: list[str]) -> None:
        self.test.setEnabled(True)
        current = self.model.currentText().strip()
        self.model.clear()
        self.model.addItems(models)
        self.model.setEditText(current if current in models or not models else models[0])
        offers = tr("Connected. The server offers {0} model: {1}") if len(models) == 1 else tr("Connected. The server offers {0} models: {1}")
        self._show_result(offers.format(len(models), ", ".join(models) or "-"), error=False)
        self.tested.emit(models)

    def _failed(self, error: BaseException) -> None:
        self.test.setEnabled(True)
        self._show_result(str(error) if isinstance(error, FaroError) else f"{type(error).__name__}: {error}", error=True)

    def _show_result(self, text: str, error: bool) -> None:
        self.result.setText(text)
        _restyle(self.result, "error" if error else "muted")

    def _url_changed(self) -> None:
        url = self.url.text().strip()
        if url and leaves_private_network(url):
            self.privacy.setText(tr("This server is outside this computer and your private network: with every question, "
                                    "passages from your documents will be sent to it. Use it only if you trust it with them."))
            _restyle(self.privacy, "error")
        else:
            self.privacy.setText(tr("On this computer or your private network: passages of your documents go to this "
                                    "server only, nowhere else."))
            _restyle(self.privacy, "muted")


def _restyle(label: QLabel, name: str) -> None:
    label.setObjectName(name)
    label.style().unpolish(label)
    label.style().polish(label)
