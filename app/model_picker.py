"""Settings → Model, "This computer": the GGUF models found on disk, scanned off the GUI thread, with Add folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.background import BackgroundCall
from rag import (
    describe_model_file,
    FaroError,
    find_models,
    FoundModel,
    gpu_free_memory_bytes,
    human_parameters,
    human_size,
)

PATH_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelPicker", text)


def scan_computer(folders: tuple[str, ...], gpu_build: bool) -> tuple[list[FoundModel], int | None]:
    """Runs on a background thread: the bundled model, every model found on disk, and the GPU's free memory."""
    from rag import bundled_llm_path

    models = find_models(folders)
    try:
        bundled = describe_model_file(bundled_llm_path(), "Faro", "SmolLM2 135M (bundled)")
        models.insert(0, bundled)
    except FaroError:
        pass
    return models, gpu_free_memory_bytes() if gpu_build else None


class ModelPicker(QWidget):
    """Emits ``modelChosen(path)`` when the user picks an answer model from the list."""

    modelChosen = Signal(str)
    scanned = Signal()

    def __init__(self, folders: tuple[str, ...], gpu_build: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folders = tuple(folders)
        self.gpu_build = gpu_build
        self.gpu_free_bytes: int | None = None
        self.models: list[FoundModel] = []
        self._scan: BackgroundCall | None = None
        self.table = QTreeWidget()
        self.table.setColumnCount(7)
        self.table.setHeaderLabels([tr("Name"), tr("Parameters"), tr("Quantization"), tr("Size"), tr("Context"), tr("Chat template"), tr("Found in")])
        self.table.setRootIsDecorated(True)
        self.table.setMinimumHeight(170)
        self.table.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.header().setStretchLastSection(False)
        self.table.itemClicked.connect(self._clicked)
        self.status = QLabel(objectName="muted", wordWrap=True)
        add = QPushButton(tr("Add folder…"))
        add.setToolTip(tr("Look for GGUF models in another folder too"))
        add.clicked.connect(self._add_folder)
        rescan = QPushButton(tr("Look again"))
        rescan.clicked.connect(self.scan)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(add)
        row.addWidget(rescan)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)

    def scan(self) -> None:
        """Look for models again (off the GUI thread); the list fills in when the scan is done."""
        if self._scan is not None and self._scan.running:
            return
        self.status.setText(tr("Looking for models on this computer…"))
        folders, gpu_build = self.folders, self.gpu_build
        self._scan = BackgroundCall(lambda: scan_computer(folders, gpu_build), self)
        self._scan.done.connect(self._show)
        self._scan.failed.connect(lambda exc: self.status.setText(tr("Could not look for models: {0}").format(exc)))
        self._scan.start()

    def model_at(self, path: str) -> FoundModel | None:
        return next((m for m in self.models if str(m.path) == path), None)

    def select(self, path: str) -> None:
        for item in self._items():
            if item.data(0, PATH_ROLE) == path:
                self.table.setCurrentItem(item)
                return
        self.table.clearSelection()

    def _show(self, result: tuple[list[FoundModel], int | None]) -> None:
        self.models, self.gpu_free_bytes = result
        self.table.clear()
        usable = [m for m in self.models if m.usable]
        others = [m for m in self.models if not m.usable]
        for model in usable:
            self.table.addTopLevelItem(self._item(model))
        if others:
            group = QTreeWidgetItem([tr("Not answer models ({0})").format(len(others))])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setToolTip(0, tr("Files that cannot answer questions: base models, embedding models, vision projectors, adapters"))
            for model in others:
                group.addChild(self._item(model))
            self.table.addTopLevelItem(group)
        for column in range(1, 7):
            self.table.resizeColumnToContents(column)
        apps = sorted({m.app for m in usable if m.app != "Faro"})
        self.status.setText(
            (tr("{0} answer model found in: {1}.") if len(usable) == 1 else
             tr("{0} answer models found in: {1}.")).format(len(usable), ", ".join(apps)) if apps
            else tr("No other answer models found. Add a folder, or choose a file.")
        )
        self.scanned.emit()

    def _item(self, model: FoundModel) -> QTreeWidgetItem:
        info = model.info
        cells = [model.label]
        if info is None:
            cells += ["", "", "", "", "", model.app]
        else:
            cells += [
                human_parameters(info.parameter_count), info.quantization, human_size(info.size_bytes),
                f"{info.context_length:,}" if info.context_length else "?", tr("yes") if info.has_chat_template else tr("no"), model.app,
            ]
        item = QTreeWidgetItem(cells)
        item.setData(0, PATH_ROLE, str(model.path))
        item.setToolTip(0, str(model.path) + (f"\n{model.problem}" if model.problem else ""))
        if not model.usable:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setForeground(0, self.palette().placeholderText())
            item.setToolTip(0, model.problem + "\n" + str(model.path))
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for index in range(self.table.topLevelItemCount()):
            top = self.table.topLevelItem(index)
            items.append(top)
            items.extend(top.child(i) for i in range(top.childCount()))
        return items

    def _clicked(self, item: QTreeWidgetItem) -> None:
        path = item.data(0, PATH_ROLE)
        model = self.model_at(path) if path else None
        if model is not None and model.usable:
            self.modelChosen.emit("" if model.app == "Faro" else path)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder with GGUF models"), str(Path.home()))
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        if folder not in self.folders:
            self.folders = (*self.folders, folder)
        self.scan()
