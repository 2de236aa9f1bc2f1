<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>AnswerCard</name>
    <message>
        <source>Click to open it.</source>
        <translation>Pulse para abrirlo.</translation>
    </message>
    <message>
        <source>Copy as Markdown</source>
        <translation>Copiar como Markdown</translation>
    </message>
    <message>
        <source>Copy the answer with its sources (Ctrl+Shift+C copies the latest answer)</source>
        <translation>Copiar la respuesta con sus fuentes (Ctrl+Mayús+C copia la última respuesta)</translation>
    </message>
    <message>
        <source>Looking through your documents…</source>
        <translation>Buscando en sus documentos…</translation>
    </message>
    <message>
        <source>Writing… (Esc stops)</source>
        <translation>Escribiendo… (Esc detiene)</translation>
    </message>
    <message>
        <source>&lt;i&gt;(stopped before Faro began to answer)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(detenida antes de que Faro empezara a responder)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;(no answer)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(sin respuesta)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Stopped — the answer may be incomplete.</source>
        <translation>Detenida: puede que la respuesta esté incompleta.</translation>
    </message>
    <message>
        <source>Click a number or a source to see the passage in its document.</source>
        <translation>Pulse un número o una fuente para ver el pasaje en su documento.</translation>
    </message>
    <message>
        <source>This answer cites no source: check it against your documents.</source>
        <translation>Esta respuesta no cita ninguna fuente: compruébela con sus documentos.</translation>
    </message>
</context>
<context>
    <name>BatchSummary</name>
    <message>
        <source>1 added</source>
        <translation>1 añadido</translation>
    </message>
    <message>
        <source>{n} added</source>
        <translation>{n} añadidos</translation>
    </message>
    <message>
        <source>1 unchanged</source>
        <translation>1 sin cambios</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} sin cambios</translation>
    </message>
    <message>
        <source>1 duplicate</source>
        <translation>1 duplicado</translation>
    </message>
    <message>
        <source>{n} duplicates</source>
        <translation>{n} duplicados</translation>
    </message>
    <message>
        <source>1 needs a password</source>
        <translation>1 necesita contraseña</translation>
    </message>
    <message>
        <source>{n} need a password</source>
        <translation>{n} necesitan contraseña</translation>
    </message>
    <message>
        <source>1 could not be read</source>
        <translation>1 no se pudo leer</translation>
    </message>
    <message>
        <source>{n} could not be read</source>
        <translation>{n} no se pudieron leer</translation>
    </message>
    <message>
        <source>Indexing cancelled</source>
        <translation>Indexación cancelada</translation>
    </message>
    <message>
        <source> (“{name}” was not added)</source>
        <translation> («{name}» no se añadió)</translation>
    </message>
    <message>
        <source>Indexing finished</source>
        <translation>Indexación terminada</translation>
    </message>
    <message>
        <source>See Problems.</source>
        <translation>Vea Problemas.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>Faro could not answer: {error}</source>
        <translation>Faro no pudo responder: {error}</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>Earlier chats in this collection</source>
        <translation>Chats anteriores de esta colección</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N); earlier chats stay in the list</source>
        <translation>Empezar una conversación nueva (Ctrl+N); los chats anteriores siguen en la lista</translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation>Chat:</translation>
    </message>
    <message>
        <source>Ask a question about your documents…   (Ctrl+Enter to send)</source>
        <translation>Haga una pregunta sobre sus documentos…   (Ctrl+Intro para enviar)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Enviar la pregunta (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Add documents, then ask a question about them here.</source>
        <translation>Añada documentos y haga aquí preguntas sobre ellos.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <source>Each collection is a separate set of documents with its own chats</source>
        <translation>Cada colección es un conjunto de documentos aparte, con sus propios chats</translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation>Nueva colección…</translation>
    </message>
    <message>
        <source>New collection</source>
        <translation>Nueva colección</translation>
    </message>
    <message>
        <source>Name of the new collection (for example a project or a site):</source>
        <translation>Nombre de la nueva colección (por ejemplo un proyecto o una obra):</translation>
    </message>
    <message>
        <source>Delete collection…</source>
        <translation>Eliminar colección…</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to add to “{collection}”

PDF, Word, text and Markdown files, or whole folders</source>
        <translation>Suelte para añadir a «{collection}»

Archivos PDF, Word, de texto y Markdown, o carpetas enteras</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <source>Indexing</source>
        <translation>Indexando</translation>
    </message>
</context>
<context>
    <name>IndexingController</name>
    <message>
        <source>Looking for documents…</source>
        <translation>Buscando documentos…</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove the selected documents from the library (the files themselves are kept)</source>
        <translation>Quitar de la biblioteca los documentos seleccionados (los archivos se conservan)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Drop your documents here</source>
        <translation>Suelte aquí sus documentos</translation>
    </message>
    <message>
        <source>Drag PDF, Word, text or Markdown files — or whole folders — anywhere onto this window.</source>
        <translation>Arrastre archivos PDF, Word, de texto o Markdown —o carpetas enteras— a cualquier parte de esta ventana.</translation>
    </message>
    <message>
        <source>Or use &lt;b&gt;Add files…&lt;/b&gt; (Ctrl+O) and &lt;b&gt;Add folder…&lt;/b&gt; (Ctrl+Shift+O).</source>
        <translation>O use &lt;b&gt;Añadir archivos…&lt;/b&gt; (Ctrl+O) y &lt;b&gt;Añadir carpeta…&lt;/b&gt; (Ctrl+Mayús+O).</translation>
    </message>
    <message>
        <source>Faro reads them on this computer; nothing is sent anywhere.</source>
        <translation>Faro los lee en este equipo; no se envía nada a ningún sitio.</translation>
    </message>
    <message>
        <source>{ready} ready · {pages} pages</source>
        <translation>{ready} listos · {pages} páginas</translation>
    </message>
    <message>
        <source>Enter password…</source>
        <translation>Introducir contraseña…</translation>
    </message>
    <message>
        <source>Index the selected failed documents again</source>
        <translation>Volver a indexar los documentos seleccionados que fallaron</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Remove from library…</source>
        <translation>Quitar de la biblioteca…</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>Indexando…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Pasajes</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Needs password</source>
        <translation>Necesita contraseña</translation>
    </message>
    <message>
        <source>Protected by a password: select it and choose “Enter password…”.</source>
        <translation>Protegido con contraseña: selecciónelo y elija «Introducir contraseña…».</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <source>Send the question</source>
        <translation>Enviar la pregunta</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <source>Copy the latest answer as Markdown</source>
        <translation>Copiar la última respuesta como Markdown</translation>
    </message>
    <message>
        <source>Documents / Chat</source>
        <translation>Documentos / Chat</translation>
    </message>
    <message>
        <source>Go to the question box</source>
        <translation>Ir al cuadro de pregunta</translation>
    </message>
    <message>
        <source>Close the viewer</source>
        <translation>Cerrar el visor</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Quitar documento</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Opening your library…</source>
        <translation>Abriendo su biblioteca…</translation>
    </message>
    <message>
        <source>Preparing the embedding model (first start only, a few seconds)…</source>
        <translation>Preparando el modelo de embeddings (solo la primera vez, unos segundos)…</translation>
    </message>
    <message>
        <source>Loading the language models…</source>
        <translation>Cargando los modelos de lenguaje…</translation>
    </message>
    <message>
        <source>You can add documents while the models load.</source>
        <translation>Puede añadir documentos mientras se cargan los modelos.</translation>
    </message>
    <message>
        <source>Library not available</source>
        <translation>Biblioteca no disponible</translation>
    </message>
    <message>
        <source>{error}

Details are in the log: {log}</source>
        <translation>{error}

Los detalles están en el registro: {log}</translation>
    </message>
    <message>
        <source>Faro cannot open the library</source>
        <translation>Faro no puede abrir la biblioteca</translation>
    </message>
    <message>
        <source>Ready · everything stays on this computer</source>
        <translation>Listo · todo se queda en este equipo</translation>
    </message>
    <message>
        <source>Model problem — see Settings</source>
        <translation>Problema con el modelo: vea Ajustes</translation>
    </message>
    <message>
        <source>The models could not be loaded. Open Settings to choose another model.</source>
        <translation>No se pudieron cargar los modelos. Abra Ajustes para elegir otro modelo.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Add PDF, Word, text or Markdown files (Ctrl+O)</source>
        <translation>Añadir archivos PDF, Word, de texto o Markdown (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add every document in a folder (Ctrl+Shift+O)</source>
        <translation>Añadir todos los documentos de una carpeta (Ctrl+Mayús+O)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Model and retrieval settings (Ctrl+,)</source>
        <translation>Ajustes del modelo y de la búsqueda (Ctrl+,)</translation>
    </message>
    <message>
        <source>Copy latest answer as Markdown</source>
        <translation>Copiar la última respuesta como Markdown</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Hacer una pregunta</translation>
    </message>
    <message>
        <source>Close viewer</source>
        <translation>Cerrar el visor</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Looking through your documents…</source>
        <translation>Buscando en sus documentos…</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.txt *.md *.markdown);;All files (*)</source>
        <translation>Documentos (*.pdf *.docx *.txt *.md *.markdown);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The password for “{name}” is not correct.
Try again:</source>
        <translation>La contraseña de «{name}» no es correcta.
Inténtelo de nuevo:</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password.
Enter it to index the file:</source>
        <translation>«{name}» está protegido con contraseña.
Introdúzcala para indexar el archivo:</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita contraseña</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>Quitar de la biblioteca</translation>
    </message>
    <message>
        <source>Remove {count} document(s) from “{collection}”?

{names}

Faro forgets their passages; the files on your disk are not touched.</source>
        <translation>¿Quitar {count} documento(s) de «{collection}»?

{names}

Faro olvida sus pasajes; los archivos de su disco no se tocan.</translation>
    </message>
    <message>
        <source>Indexing in progress</source>
        <translation>Indexación en curso</translation>
    </message>
    <message>
        <source>Wait for indexing to finish (or cancel it) before deleting a collection.</source>
        <translation>Espere a que termine la indexación (o cancélela) antes de eliminar una colección.</translation>
    </message>
    <message>
        <source>Delete collection</source>
        <translation>Eliminar colección</translation>
    </message>
    <message>
        <source>Delete the collection “{name}” with its index and saved chats?
Your files are not touched.</source>
        <translation>¿Eliminar la colección «{name}» con su índice y sus chats guardados?
Sus archivos no se tocan.</translation>
    </message>
    <message>
        <source>Ask a question about the {count} document(s) in “{collection}”.
Answers cite their sources; click a number to see the passage.</source>
        <translation>Haga una pregunta sobre los {count} documento(s) de «{collection}».
Las respuestas citan sus fuentes; pulse un número para ver el pasaje.</translation>
    </message>
    <message>
        <source>Drop documents on the window to add them; then ask questions about them here.</source>
        <translation>Suelte documentos en la ventana para añadirlos; después haga aquí preguntas sobre ellos.</translation>
    </message>
    <message>
        <source>Waiting for “{name}” to finish indexing…</source>
        <translation>Esperando a que termine de indexarse «{name}»…</translation>
    </message>
    <message>
        <source>Waiting for the re-index to finish…</source>
        <translation>Esperando a que termine la reindexación…</translation>
    </message>
    <message>
        <source>Waiting for the models to load…</source>
        <translation>Esperando a que se carguen los modelos…</translation>
    </message>
    <message>
        <source>Answer and sources copied as Markdown.</source>
        <translation>Respuesta y fuentes copiadas como Markdown.</translation>
    </message>
</context>
<context>
    <name>Markdown</name>
    <message>
        <source>**Question:** </source>
        <translation>**Pregunta:** </translation>
    </message>
    <message>
        <source>_(no answer)_</source>
        <translation>_(sin respuesta)_</translation>
    </message>
    <message>
        <source>**Sources**</source>
        <translation>**Fuentes**</translation>
    </message>
    <message>
        <source>**Closest passages**</source>
        <translation>**Pasajes más cercanos**</translation>
    </message>
</context>
<context>
    <name>PdfPassageView</name>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Make the page as wide as the viewer</source>
        <translation>Hacer la página tan ancha como el visor</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>Mostrar la página entera</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Alejar (Ctrl+rueda)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Acercar (Ctrl+rueda)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Show log</source>
        <translation>Ver registro</translation>
    </message>
    <message>
        <source>Open Faro's log file, with the technical details of each problem</source>
        <translation>Abrir el archivo de registro de Faro, con los detalles técnicos de cada problema</translation>
    </message>
    <message>
        <source>Problems: 1 file was not added</source>
        <translation>Problemas: 1 archivo no se añadió</translation>
    </message>
    <message>
        <source>Problems: {n} files were not added</source>
        <translation>Problemas: {n} archivos no se añadieron</translation>
    </message>
    <message>
        <source>protected by a password: select it and choose “Enter password…”.</source>
        <translation>protegido con contraseña: selecciónelo y elija «Introducir contraseña…».</translation>
    </message>
    <message>
        <source>could not be read.</source>
        <translation>no se pudo leer.</translation>
    </message>
    <message>
        <source>Enter password…</source>
        <translation>Introducir contraseña…</translation>
    </message>
    <message>
        <source>Try the selected files again (only where that can help)</source>
        <translation>Volver a intentar los archivos seleccionados (solo donde puede servir)</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>a few seconds left</source>
        <translation>quedan unos segundos</translation>
    </message>
    <message>
        <source>about {n} s left</source>
        <translation>quedan unos {n} s</translation>
    </message>
    <message>
        <source>about {n} min left</source>
        <translation>quedan unos {n} min</translation>
    </message>
    <message>
        <source>about {n} h left</source>
        <translation>quedan unas {n} h</translation>
    </message>
    <message>
        <source>preparing passages for search: {done} of {total}</source>
        <translation>preparando los pasajes para la búsqueda: {done} de {total}</translation>
    </message>
    <message>
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>empezando</translation>
    </message>
    <message>
        <source>reading the text</source>
        <translation>leyendo el texto</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>guardando</translation>
    </message>
    <message>
        <source>re-indexing</source>
        <translation>reindexando</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop indexing; documents already added stay in the library</source>
        <translation>Detener la indexación; los documentos ya añadidos se quedan en la biblioteca</translation>
    </message>
    <message>
        <source>{done} of {total} files</source>
        <translation>{done} de {total} archivos</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>This copy of llama.cpp was built without GPU support, so answers are computed on the CPU.</source>
        <translation>Esta copia de llama.cpp se compiló sin soporte de GPU, así que las respuestas se calculan en la CPU.</translation>
    </message>
    <message>
        <source>Fast (int8)</source>
        <translation>Rápido (int8)</translation>
    </message>
    <message>
        <source>Full precision (about 3× slower indexing)</source>
        <translation>Precisión completa (indexación unas 3 veces más lenta)</translation>
    </message>
    <message>
        <source>reads up to {tokens} tokens at once (about {words} words)</source>
        <translation>lee hasta {tokens} tokens a la vez (unas {words} palabras)</translation>
    </message>
    <message>
        <source>{n} layers</source>
        <translation>{n} capas</translation>
    </message>
    <message>
        <source>compressed to {bits} bits ({name})</source>
        <translation>comprimido a {bits} bits ({name})</translation>
    </message>
    <message>
        <source>{name} weights</source>
        <translation>pesos {name}</translation>
    </message>
    <message>
        <source>Faro settings</source>
        <translation>Ajustes de Faro</translation>
    </message>
    <message>
        <source>The model that comes with Faro</source>
        <translation>El modelo que viene con Faro</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Use bundled</source>
        <translation>Usar el incluido</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>Todas las capas</translation>
    </message>
    <message>
        <source>Automatic ({n})</source>
        <translation>Automático ({n})</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Lower is more literal and repeatable; higher is more varied</source>
        <translation>Más bajo es más literal y repetible; más alto, más variado</translation>
    </message>
    <message>
        <source>Answer model (GGUF):</source>
        <translation>Modelo de respuesta (GGUF):</translation>
    </message>
    <message>
        <source>Layers on the GPU:</source>
        <translation>Capas en la GPU:</translation>
    </message>
    <message>
        <source>CPU threads:</source>
        <translation>Hilos de CPU:</translation>
    </message>
    <message>
        <source>Context size:</source>
        <translation>Tamaño de contexto:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <source>Max answer length:</source>
        <translation>Longitud máxima de respuesta:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>How many passages are given to the model with each question</source>
        <translation>Cuántos pasajes recibe el modelo con cada pregunta</translation>
    </message>
    <message>
        <source>How the embedding model runs. Both find the same passages; switching keeps your documents indexed.</source>
        <translation>Cómo se ejecuta el modelo de embeddings. Los dos encuentran los mismos pasajes; al cambiar, sus documentos siguen indexados.</translation>
    </message>
    <message>
        <source>Embedding model:</source>
        <translation>Modelo de embeddings:</translation>
    </message>
    <message>
        <source>Number of sources:</source>
        <translation>Número de fuentes:</translation>
    </message>
    <message>
        <source>Passage size:</source>
        <translation>Tamaño de pasaje:</translation>
    </message>
    <message>
        <source>Passage overlap:</source>
        <translation>Solapamiento de pasajes:</translation>
    </message>
    <message>
        <source>Changing passage size or overlap offers to re-index your documents.</source>
        <translation>Al cambiar el tamaño o el solapamiento de los pasajes, Faro ofrece volver a indexar sus documentos.</translation>
    </message>
    <message>
        <source>Retrieval</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>El del sistema ({language})</translation>
    </message>
    <message>
        <source>Takes effect when Faro restarts.</source>
        <translation>Se aplica al reiniciar Faro.</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>Idioma de la interfaz:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Data folder (your library, chats and settings)</source>
        <translation>Carpeta de datos (su biblioteca, chats y ajustes)</translation>
    </message>
    <message>
        <source>Checking whether this computer can use a GPU…</source>
        <translation>Comprobando si este equipo puede usar una GPU…</translation>
    </message>
    <message>
        <source>Layers of the model to run on the GPU; more is faster if the GPU has enough memory.</source>
        <translation>Capas del modelo que se ejecutan en la GPU; más es más rápido si la GPU tiene memoria suficiente.</translation>
    </message>
    <message>
        <source>Applying settings and loading the model…</source>
        <translation>Aplicando los ajustes y cargando el modelo…</translation>
    </message>
    <message>
        <source>{error}
Faro keeps using the previous settings.</source>
        <translation>{error}
Faro sigue usando los ajustes anteriores.</translation>
    </message>
    <message>
        <source>Choose a GGUF model</source>
        <translation>Elegir un modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The bundled model is not installed; choose a GGUF file.</source>
        <translation>El modelo incluido no está instalado; elija un archivo GGUF.</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> de {n}</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <source>Applying settings and loading the model…</source>
        <translation>Aplicando los ajustes y cargando el modelo…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message>
        <source>Settings not applied: {error}</source>
        <translation>Ajustes no aplicados: {error}</translation>
    </message>
    <message>
        <source>Re-index documents?</source>
        <translation>¿Volver a indexar los documentos?</translation>
    </message>
    <message>
        <source>The new passage size applies to documents added from now on.
Re-index the documents already in this collection now? (Questions wait until it is done.)</source>
        <translation>El nuevo tamaño de pasaje se aplica a los documentos que se añadan a partir de ahora.
¿Volver a indexar ahora los documentos que ya están en esta colección? (Las preguntas esperan hasta que termine.)</translation>
    </message>
    <message>
        <source>Re-indexing</source>
        <translation>Reindexando</translation>
    </message>
    <message>
        <source>Re-indexed {n} document(s).</source>
        <translation>Reindexados {n} documento(s).</translation>
    </message>
    <message>
        <source>Re-index cancelled; the previous index is still used.</source>
        <translation>Reindexación cancelada; se sigue usando el índice anterior.</translation>
    </message>
    <message>
        <source>Re-index failed: {error}</source>
        <translation>La reindexación falló: {error}</translation>
    </message>
</context>
<context>
    <name>ViewerPane</name>
    <message>
        <source>The password for “{name}” is not correct.
Try again:</source>
        <translation>La contraseña de «{name}» no es correcta.
Inténtelo de nuevo:</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password.
Enter it to open the file:</source>
        <translation>«{name}» está protegido con contraseña.
Introdúzcala para abrir el archivo:</translation>
    </message>
    <message>
        <source>Password needed</source>
        <translation>Se necesita contraseña</translation>
    </message>
    <message>
        <source>Previous part of the passage</source>
        <translation>Parte anterior del pasaje</translation>
    </message>
    <message>
        <source>Next part of the passage (it continues on the next page)</source>
        <translation>Parte siguiente del pasaje (continúa en la página siguiente)</translation>
    </message>
    <message>
        <source>Open in system viewer</source>
        <translation>Abrir en el visor del sistema</translation>
    </message>
    <message>
        <source>Open the file in the program your computer uses for it</source>
        <translation>Abrir el archivo con el programa que su equipo usa para él</translation>
    </message>
    <message>
        <source>Close the viewer (Ctrl+W)</source>
        <translation>Cerrar el visor (Ctrl+W)</translation>
    </message>
    <message>
        <source>Faro no longer has the text of this document (it may have been removed from the library).</source>
        <translation>Faro ya no tiene el texto de este documento (puede que se haya quitado de la biblioteca).</translation>
    </message>
    <message>
        <source>This file is no longer where it was indexed (moved or deleted?).</source>
        <translation>Este archivo ya no está donde se indexó (¿movido o borrado?).</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source> · the passage runs over pages {first}–{last} (◂ ▸ show each part)</source>
        <translation> · el pasaje ocupa las páginas {first}–{last} (◂ ▸ muestran cada parte)</translation>
    </message>
    <message>
        <source> · the exact passage could not be marked on this page</source>
        <translation> · no se pudo marcar el pasaje exacto en esta página</translation>
    </message>
    <message>
        <source>The PDF could not be opened here; showing the text Faro read from page {page}.</source>
        <translation>El PDF no se pudo abrir aquí; se muestra el texto que Faro leyó de la página {page}.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Faro cannot start</source>
        <translation>Faro no puede arrancar</translation>
    </message>
</context>
</TS>