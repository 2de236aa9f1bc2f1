"""The Settings dialog: answer model (with facts read from the GGUF file), generation, retrieval, data folder."""
from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QRadioButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget,
)

from app.model_picker import ModelPicker
from app.server_settings import ServerSettings
from app.i18n import engine_text, system_language
from rag import Config, ConfigError, estimate_fit, FaroError, GgufInfo, ModelError, read_gguf_info

NO_GPU_TEXT = QT_TRANSLATE_NOOP("SettingsDialog", "This copy of llama.cpp was built without GPU support, so answers are computed on the CPU.")
EMBEDDING_CHOICES = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Fast (int8)"), "onnx-int8"),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Full precision (about 3× slower indexing)"), "torch"),
)
LANGUAGE_CHOICES = (("English", "en"), ("Español", "es"))


def bundled_model_path() -> Path | None:
    try:
        from rag import bundled_llm_path

        return bundled_llm_path()
    except FaroError:
        return None


_QUANTIZATION_TAIL = re.compile(r"[._-]*(?:gguf|i?q\d\w*|f16|f32|bf16)$", re.IGNORECASE)
WORDS_PER_TOKEN = 0.75


def model_display_name(info: GgufInfo) -> str:
    """A person's name for the model: the file name without its quantization tag ("SmolLM2 135M Instruct").

    The name inside GGUF files is often a training-run label ("Smollm2 135M 8k Lc100K Mix1 Ep2"); the file name is
    what the user chose and recognises. The header's name is the fallback.
    """
    stem = info.path.stem
    while (shorter := _QUANTIZATION_TAIL.sub("", stem)) != stem:
        stem = shorter
    name = " ".join(re.split(r"[-_ ]+", stem)).strip()
    return name or info.name


def describe_model(info: GgufInfo) -> str:
    """One line in plain words: name, file size, how much it reads at once, layers, compression."""
    translate = QCoreApplication.translate
    size = f"{info.size_bytes / 2**20:,.0f} MB" if info.size_bytes < 2**30 else f"{info.size_bytes / 2**30:.1f} GB"
    parts = [model_display_name(info), size]
    if info.context_length:
        parts.append(translate("SettingsDialog", "reads up to {tokens} tokens at once (about {words} words)").format(
            tokens=f"{info.context_length:,}", words=f"{round(info.context_length * WORDS_PER_TOKEN, -2):,.0f}"
        ))
    if info.layer_count:
        parts.append(translate("SettingsDialog", "{n} layers").format(n=info.layer_count))
    bits = re.match(r"i?q(\d)", info.quantization, re.IGNORECASE)
    if bits:
        parts.append(translate("SettingsDialog", "compressed to {bits} bits ({name})").format(bits=bits.group(1), name=info.quantization))
    else:
        parts.append(translate("SettingsDialog", "{name} weights").format(name=info.quantization))
    return " · ".join(parts)


class SettingsDialog(QDialog):
    """Emits ``applyRequested(Config)``; the window applies it on the worker and calls ``applied`` or ``rejected_with``."""

    applyRequested = Signal(object)

    def __init__(self, config: Config, gpu_supported: bool | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Faro settings"))
        self.setMinimumWidth(640)
        self.config = config
        self.model_info: GgufInfo | None = None
        self.model_problem = ""

        model_box = self._model_box(config, gpu_supported)
        retrieval_box = self._retrieval_box(config)
        language_box = self._language_box()
        data_box = self._data_box(config)

        self.error = QLabel(wordWrap=True, objectName="error")
        self.error.hide()
        self.busy = QProgressBar(minimum=0, maximum=0, textVisible=False)
        self.busy_label = QLabel(objectName="muted")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        self.busy.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.request_apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (model_box, retrieval_box, language_box, data_box, self.error):
            layout.addWidget(widget)
        layout.addLayout(busy_row)
        layout.addWidget(self.buttons)

        self._gpu_ok = False
        self.set_gpu_supported(gpu_supported)
        self._load(config)
        self.picker.scan()

    def _model_box(self, config: Config, gpu_supported: bool | None) -> QGroupBox:
        """Where answers come from: a GGUF model on this computer (with its memory fit) or a server."""
        self.model_path = QLineEdit(str(config.llm_path or ""))
        self.model_path.setPlaceholderText(self.tr("The model that comes with Faro"))
        self.model_path.textChanged.connect(self._model_changed)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_model)
        bundled = QPushButton(self.tr("Use bundled"))
        bundled.clicked.connect(lambda: self.model_path.setText(""))
        path_row = QHBoxLayout()
        path_row.addWidget(self.model_path, 1)
        path_row.addWidget(choose)
        path_row.addWidget(bundled)
        self.model_facts = QLabel(wordWrap=True, objectName="muted")
        self.memory_fit = QLabel(wordWrap=True, objectName="muted")
        self.picker = ModelPicker(config.model_folders, bool(gpu_supported))
        self.picker.modelChosen.connect(self.model_path.setText)
        self.picker.scanned.connect(lambda: self.picker.select(self._chosen_path()))
        self.server = ServerSettings(config.server_url, config.server_model)
        self.on_computer = QRadioButton(self.tr("This computer"))
        self.on_server = QRadioButton(self.tr("A server"))
        self.source = QButtonGroup(self)
        self.source.addButton(self.on_computer)
        self.source.addButton(self.on_server)
        self.on_server.toggled.connect(lambda on: self.pages.setCurrentIndex(1 if on else 0))
        source_row = QHBoxLayout()
        for button in (self.on_computer, self.on_server):
            source_row.addWidget(button)
        source_row.addStretch(1)
        self.gpu_layers = QSpinBox(minimum=0, maximum=999)
        self.gpu_all = QCheckBox(self.tr("All layers"))
        self.gpu_all.toggled.connect(lambda on: self.gpu_layers.setDisabled(on or not self._gpu_ok))
        self.gpu_note = QLabel(wordWrap=True, objectName="muted")
        gpu_row = QHBoxLayout()
        gpu_row.addWidget(self.gpu_layers)
        gpu_row.addWidget(self.gpu_all)
        gpu_row.addStretch(1)
        self.threads = QSpinBox(minimum=0, maximum=max(64, (os.cpu_count() or 1) * 2))
        self.threads.setSpecialValueText(self.tr("Automatic ({n})").format(n=os.cpu_count() or 1))
        self.context = QSpinBox(minimum=256, maximum=131072, singleStep=256, suffix=self.tr(" tokens"))
        self.temperature = QDoubleSpinBox(minimum=0.0, maximum=2.0, singleStep=0.05, decimals=2)
        self.temperature.setToolTip(self.tr("Lower is more literal and repeatable; higher is more varied"))
        self.max_tokens = QSpinBox(minimum=16, maximum=8192, singleStep=32, suffix=self.tr(" tokens"))
        self.context.valueChanged.connect(self._show_fit)
        local_form = QFormLayout()
        local_form.setContentsMargins(0, 0, 0, 0)
        local_form.addRow(self.picker)
        local_form.addRow(self.tr("Answer model (GGUF):"), path_row)
        local_form.addRow("", self.model_facts)
        local_form.addRow("", self.memory_fit)
        local_form.addRow(self.tr("Layers on the GPU:"), gpu_row)
        local_form.addRow("", self.gpu_note)
        local_form.addRow(self.tr("CPU threads:"), self.threads)
        local_page = QWidget()
        local_page.setLayout(local_form)
        self.pages = QStackedWidget()
        self.pages.addWidget(local_page)
        self.pages.addWidget(self.server)
        model_form = QFormLayout()
        model_form.addRow(self.tr("Answers come from:"), source_row)
        model_form.addRow(self.pages)
        model_form.addRow(self.tr("Context size:"), self.context)
        model_form.addRow(self.tr("Temperature:"), self.temperature)
        model_form.addRow(self.tr("Max answer length:"), self.max_tokens)
        model_box = QGroupBox(self.tr("Model"))
        model_box.setLayout(model_form)
        return model_box

    def _retrieval_box(self, config: Config) -> QGroupBox:
        """How documents are cut, embedded and read."""
        self.top_k = QSpinBox(minimum=1, maximum=20)
        self.top_k.setToolTip(self.tr("How many passages are given to the model with each question"))
        self.chunk_tokens = QSpinBox(minimum=32, maximum=512, singleStep=16, suffix=self.tr(" tokens"))
        self.chunk_overlap = QSpinBox(minimum=0, maximum=255, suffix=self.tr(" tokens"))
        self.embedding_backend = QComboBox()
        for label, backend in EMBEDDING_CHOICES:
            self.embedding_backend.addItem(self.tr(label), backend)
        self.embedding_backend.setToolTip(
            self.tr("How the embedding model runs. Both find the same passages; switching keeps your documents indexed.")
        )
        retrieval_form = QFormLayout()
        retrieval_form.addRow(self.tr("Embedding model:"), self.embedding_backend)
        retrieval_form.addRow(self.tr("Number of sources:"), self.top_k)
        retrieval_form.addRow(self.tr("Passage size:"), self.chunk_tokens)
        retrieval_form.addRow(self.tr("Passage overlap:"), self.chunk_overlap)
        self.ocr = QCheckBox(self.tr("Read scanned pages and images (OCR, on this computer)"))
        self.ocr.setChecked(config.ocr)
        self.ocr.setToolTip(self.tr("Pages without a text layer, and PNG, JPEG or TIFF files, are read with local text recognition."))
        retrieval_form.addRow("", self.ocr)
        retrieval_form.addRow("", QLabel(self.tr("Changing passage size or overlap offers to re-index your documents."),
                                         wordWrap=True, objectName="muted"))
        retrieval_box = QGroupBox(self.tr("Retrieval"))
        retrieval_box.setLayout(retrieval_form)
        return retrieval_box

    def _language_box(self) -> QGroupBox:
        self.language = QComboBox()
        system = dict((code, name) for name, code in LANGUAGE_CHOICES)[system_language()]
        self.language.addItem(self.tr("System ({language})").format(language=system), "auto")
        for name, code in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(QLabel(self.tr("Takes effect when Faro restarts."), objectName="muted"), 1)
        language_form = QFormLayout()
        language_form.addRow(self.tr("Interface language:"), language_row)
        language_box = QGroupBox(self.tr("Language"))
        language_box.setLayout(language_form)
        return language_box

    def _data_box(self, config: Config) -> QGroupBox:
        folder = QLabel(str(config.data_dir), textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse, wordWrap=True)
        show_folder = QPushButton(self.tr("Show"))
        show_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.data_dir))))
        data_row = QHBoxLayout()
        data_row.addWidget(folder, 1)
        data_row.addWidget(show_folder)
        data_box = QGroupBox(self.tr("Data folder (your library, chats and settings)"))
        data_box.setLayout(data_row)
        return data_box

    def _load(self, config: Config) -> None:
        self.gpu_all.setChecked(config.n_gpu_layers == -1)
        self.gpu_layers.setValue(max(0, config.n_gpu_layers))
        self.threads.setValue(config.n_threads or 0)
        self.context.setValue(config.n_ctx)
        self.temperature.setValue(config.temperature)
        self.max_tokens.setValue(config.max_tokens)
        self.top_k.setValue(config.top_k)
        self.chunk_tokens.setValue(config.chunk_tokens)
        self.chunk_overlap.setValue(config.chunk_overlap)
        self.embedding_backend.setCurrentIndex(max(0, self.embedding_backend.findData(config.embedding_backend)))
        (self.on_server if config.answer_backend == "server" else self.on_computer).setChecked(True)
        self.language.setCurrentIndex(max(0, self.language.findData(config.language)))
        self._model_changed()

    def set_gpu_supported(self, supported: bool | None) -> None:
        self._gpu_ok = bool(supported)
        self.picker.gpu_build = self._gpu_ok
        self.gpu_layers.setEnabled(self._gpu_ok and not self.gpu_all.isChecked())
        self.gpu_all.setEnabled(self._gpu_ok)
        self.gpu_note.setText(
            self.tr("Checking whether this computer can use a GPU…") if supported is None
            else (self.tr("Layers of the model to run on the GPU; more is faster if the GPU has enough memory.") if supported
                  else self.tr(NO_GPU_TEXT))
        )

    def values(self) -> Config:
        """The settings as entered; raises ``ConfigError`` with a readable message when a value is not allowed."""
        on_server = self.on_server.isChecked()
        if self.model_problem and not on_server:
            raise ConfigError(self.model_problem)
        layers = self.model_info.layer_count if self.model_info else None
        every_layer = self.gpu_all.isChecked() or bool(layers and self.gpu_layers.value() >= layers)
        gpu_layers = -1 if every_layer else self.gpu_layers.value()
        return self.config.replace(
            answer_backend="server" if on_server else "local",
            server_url=self.server.url.text(),
            server_model=self.server.model.currentText(),
            model_folders=self.picker.folders,
            llm_path=self.model_path.text().strip() or None,
            n_gpu_layers=gpu_layers if self._gpu_ok else 0,
            n_threads=self.threads.value() or None,
            n_ctx=self.context.value(),
            temperature=round(self.temperature.value(), 2),
            max_tokens=self.max_tokens.value(),
            top_k=self.top_k.value(),
            chunk_tokens=self.chunk_tokens.value(),
            chunk_overlap=self.chunk_overlap.value(),
            embedding_backend=self.embedding_backend.currentData(),
            ocr=self.ocr.isChecked(),
            language=self.language.currentData(),
        )

    def request_apply(self) -> None:
        try:
            config = self.values()
        except ConfigError as exc:
            self.show_error(engine_text(str(exc)))
            return
        if config == self.config and not (self.on_server.isChecked() and self.server.key_text()):
            self.accept()
            return
        self.set_busy(self.tr("Applying settings and loading the model…"))
        self.applyRequested.emit(config)

    def set_busy(self, text: str) -> None:
        self.error.hide()
        self.busy_label.setText(text)
        self.busy.show()
        self.buttons.setEnabled(False)

    def applied(self, config: Config) -> None:
        self.config = config
        self.accept()

    def rejected_with(self, message: str) -> None:
        """The new settings were refused; the previous ones are still in use."""
        self.busy.hide()
        self.busy_label.setText("")
        self.buttons.setEnabled(True)
        self.show_error(self.tr("{error}\nFaro keeps using the previous settings.").format(error=message))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _choose_model(self) -> None:
        start = self.model_path.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a GGUF model"), start, self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.model_path.setText(path)

    def _chosen_path(self) -> str:
        text = self.model_path.text().strip()
        bundled = bundled_model_path()
        return text or (str(bundled) if bundled else "")

    def _show_fit(self) -> None:
        if self.model_info is None:
            self.memory_fit.setText("")
            return
        fit = estimate_fit(self.model_info, self.context.value(), self.picker.gpu_free_bytes if self._gpu_ok else None)
        self.memory_fit.setText(engine_text(fit.describe()))
        self.memory_fit.setObjectName("muted" if fit.fits else "error")
        self.memory_fit.style().unpolish(self.memory_fit)
        self.memory_fit.style().polish(self.memory_fit)

    def _model_changed(self) -> None:
        text = self.model_path.text().strip()
        self.picker.select(self._chosen_path())
        path = Path(text).expanduser() if text else bundled_model_path()
        self.model_info, self.model_problem = None, ""
        if path is None:
            self.model_problem = self.tr("The bundled model is not installed; choose a GGUF file.")
        else:
            try:
                self.model_info = read_gguf_info(path)
            except ModelError as exc:
                self.model_problem = engine_text(str(exc))
        if self.model_info is not None:
            self.model_facts.setText(describe_model(self.model_info))
            self.model_facts.setObjectName("muted")
            layers = self.model_info.layer_count
            self.gpu_layers.setMaximum(layers or 999)
            self.gpu_layers.setSuffix(self.tr(" of {n}").format(n=layers) if layers else "")
            if self.model_info.context_length:
                self.context.setMaximum(min(131072, self.model_info.context_length))
        else:
            self.model_facts.setText(self.model_problem)
            self.model_facts.setObjectName("error")
        self._show_fit()
        self.model_facts.style().unpolish(self.model_facts)
        self.model_facts.style().polish(self.model_facts)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setToolTip(self.model_problem)
