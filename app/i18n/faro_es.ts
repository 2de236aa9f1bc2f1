<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name />
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Quantization</source>
        <translation>Cuantización</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Chat template</source>
        <translation>Plantilla de chat</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="49" />
        <source>Found in</source>
        <translation>Encontrado en</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="56" />
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="57" />
        <source>Look for GGUF models in another folder too</source>
        <translation>Buscar modelos GGUF también en otra carpeta</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="59" />
        <source>Look again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="74" />
        <source>Looking for models on this computer…</source>
        <translation>Buscando modelos en este equipo…</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="78" />
        <source>Could not look for models: {0}</source>
        <translation>No se pudieron buscar modelos: {0}</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="99" />
        <source>Not answer models ({0})</source>
        <translation>No son modelos de respuesta ({0})</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="101" />
        <source>Files that cannot answer questions: base models, embedding models, vision projectors, adapters</source>
        <translation>Archivos que no pueden responder preguntas: modelos base, modelos de embeddings, proyectores de visión, adaptadores</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="109" />
        <source>{0} answer models found in: {1}.</source>
        <translation>{0} modelos de respuesta encontrados en: {1}.</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="116" />
        <source>{0} answer model found in: {1}.</source>
        <translation>{0} modelo de respuesta encontrado en: {1}.</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="110" />
        <source>No other answer models found. Add a folder, or choose a file.</source>
        <translation>No se encontraron otros modelos de respuesta. Añada una carpeta o elija un archivo.</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="122" />
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="122" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../model_picker.py" line="148" />
        <source>Folder with GGUF models</source>
        <translation>Carpeta con modelos GGUF</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="28" />
        <source>llama.cpp server: http://localhost:8080/v1 · Ollama: http://localhost:11434/v1 · LM Studio: http://localhost:1234/v1</source>
        <translation>Servidor de llama.cpp: http://localhost:8080/v1 · Ollama: http://localhost:11434/v1 · LM Studio: http://localhost:1234/v1</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="33" />
        <source>Press Test connection to list the server's models</source>
        <translation>Pulse Probar conexión para ver los modelos del servidor</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="35" />
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="44" />
        <source>Server address:</source>
        <translation>Dirección del servidor:</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="45" />
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="46" />
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="49" />
        <source>Addresses of common servers on this computer:
llama.cpp server  http://localhost:8080/v1
Ollama  http://localhost:11434/v1
LM Studio  http://localhost:1234/v1
vLLM  http://localhost:8000/v1</source>
        <translation>Direcciones de servidores habituales en este equipo:
Servidor de llama.cpp  http://localhost:8080/v1
Ollama  http://localhost:11434/v1
LM Studio  http://localhost:1234/v1
vLLM  http://localhost:8000/v1</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="57" />
        <source>Saved in this computer's password store</source>
        <translation>Guardada en el almacén de contraseñas de este equipo</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="58" />
        <source>Optional; kept in this computer's password store, never in Faro's settings file</source>
        <translation>Opcional; se guarda en el almacén de contraseñas de este equipo, nunca en el archivo de configuración de Faro</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="68" />
        <source>Enter the server's address first, e.g. {0}</source>
        <translation>Escriba primero la dirección del servidor, por ejemplo {0}</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="71" />
        <source>Connecting to {0}…</source>
        <translation>Conectando con {0}…</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="87" />
        <source>Connected. The server offers {0} models: {1}</source>
        <translation>Conectado. El servidor ofrece {0} modelos: {1}</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="86" />
        <source>Connected. The server offers {0} model: {1}</source>
        <translation>Conectado. El servidor ofrece {0} modelo: {1}</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="101" />
        <source>This server is outside this computer and your private network: with every question, passages from your documents will be sent to it. Use it only if you trust it with them.</source>
        <translation>Este servidor está fuera de este equipo y de su red privada: con cada pregunta se le enviarán pasajes de sus documentos. Úselo solo si le confía esos datos.</translation>
    </message>
    <message>
        <location filename="../server_settings.py" line="105" />
        <source>On this computer or your private network: passages of your documents go to this server only, nowhere else.</source>
        <translation>En este equipo o en su red privada: los pasajes de sus documentos van solo a este servidor y a ningún otro sitio.</translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <location filename="../chat_cards.py" line="200" />
        <source>Closest passages:</source>
        <translation>Pasajes más cercanos:</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="41" />
        <source>Click to open it.</source>
        <translation>Pulse para abrirlo.</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="141" />
        <source>Copy as Markdown</source>
        <translation>Copiar como Markdown</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="143" />
        <source>Copy the answer with its sources (Ctrl+Shift+C copies the latest answer)</source>
        <translation>Copiar la respuesta con sus fuentes (Ctrl+Mayús+C copia la última respuesta)</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="156" />
        <source>Looking through your documents…</source>
        <translation>Buscando en sus documentos…</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="168" />
        <source>Writing… checked against your documents when it ends (Esc stops)</source>
        <translation>Escribiendo… se comprobará con sus documentos al terminar (Esc detiene)</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="186" />
        <source>&lt;i&gt;(stopped before Faro began to answer)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(detenida antes de que Faro empezara a responder)&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="186" />
        <source>&lt;i&gt;(no answer)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(sin respuesta)&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="227" />
        <source>Stopped — the answer may be incomplete.</source>
        <translation>Detenida: puede que la respuesta esté incompleta.</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="233" />
        <source>Click a quote to see it marked in its document.</source>
        <translation>Haga clic en una cita para verla marcada en su documento.</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="235" />
        <source>Click a number or a source to see the passage in its document.</source>
        <translation>Pulse un número o una fuente para ver el pasaje en su documento.</translation>
    </message>
    <message>
        <location filename="../chat_cards.py" line="236" />
        <source>This answer cites no source: check it against your documents.</source>
        <translation>Esta respuesta no cita ninguna fuente: compruébela con sus documentos.</translation>
    </message>
</context>
<context>
    <name>BatchSummary</name>
    <message>
        <location filename="../indexing.py" line="68" />
        <source>1 added</source>
        <translation>1 añadido</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="68" />
        <source>{n} added</source>
        <translation>{n} añadidos</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="68" />
        <source>1 read again</source>
        <translation>1 leído de nuevo</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="68" />
        <source>{n} read again</source>
        <translation>{n} leídos de nuevo</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="69" />
        <source>1 unchanged</source>
        <translation>1 sin cambios</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="69" />
        <source>{n} unchanged</source>
        <translation>{n} sin cambios</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="70" />
        <source>1 duplicate</source>
        <translation>1 duplicado</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="70" />
        <source>{n} duplicates</source>
        <translation>{n} duplicados</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="71" />
        <source>1 needs a password</source>
        <translation>1 necesita contraseña</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="71" />
        <source>{n} need a password</source>
        <translation>{n} necesitan contraseña</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="72" />
        <source>1 could not be read</source>
        <translation>1 no se pudo leer</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="72" />
        <source>{n} could not be read</source>
        <translation>{n} no se pudieron leer</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="75" />
        <source>Indexing cancelled</source>
        <translation>Indexación cancelada</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="77" />
        <source> (“{name}” was not added)</source>
        <translation> («{name}» no se añadió)</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="79" />
        <source>Indexing finished</source>
        <translation>Indexación terminada</translation>
    </message>
    <message>
        <location filename="../indexing.py" line="82" />
        <source>See Problems.</source>
        <translation>Vea Problemas.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../chat_controller.py" line="117" />
        <source>Faro could not answer: {error}</source>
        <translation>Faro no pudo responder: {error}</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <location filename="../chat_panel.py" line="51" />
        <source>Earlier chats in this collection</source>
        <translation>Chats anteriores de esta colección</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="55" />
        <location filename="../chat_panel.py" line="121" />
        <location filename="../conversations.py" line="87" />
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="56" />
        <source>Start a new conversation (Ctrl+N); earlier chats stay in the list</source>
        <translation>Empezar una conversación nueva (Ctrl+N); los chats anteriores siguen en la lista</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="59" />
        <source>Chat:</source>
        <translation>Chat:</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="82" />
        <source>Ask a question about your documents…   (Ctrl+Enter to send)</source>
        <translation>Haga una pregunta sobre sus documentos…   (Ctrl+Intro para enviar)</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="87" />
        <location filename="../chat_panel.py" line="144" />
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="89" />
        <location filename="../chat_panel.py" line="146" />
        <source>Send the question (Ctrl+Enter)</source>
        <translation>Enviar la pregunta (Ctrl+Intro)</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="102" />
        <source>Add documents, then ask a question about them here.</source>
        <translation>Añada documentos y haga aquí preguntas sobre ellos.</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="144" />
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../chat_panel.py" line="146" />
        <source>Stop the answer (Esc)</source>
        <translation>Detener la respuesta (Esc)</translation>
    </message>
</context>
<context>
    <name>CollectionsPanel</name>
    <message>
        <location filename="../collections_panel.py" line="17" />
        <source>Collections</source>
        <translation>Colecciones</translation>
    </message>
    <message>
        <location filename="../collections_panel.py" line="20" />
        <source>Each collection is a separate set of documents with its own chats</source>
        <translation>Cada colección es un conjunto de documentos aparte, con sus propios chats</translation>
    </message>
    <message>
        <location filename="../collections_panel.py" line="24" />
        <source>New collection…</source>
        <translation>Nueva colección…</translation>
    </message>
    <message>
        <location filename="../collections_panel.py" line="50" />
        <source>New collection</source>
        <translation>Nueva colección</translation>
    </message>
    <message>
        <location filename="../collections_panel.py" line="50" />
        <source>Name of the new collection (for example a project or a site):</source>
        <translation>Nombre de la nueva colección (por ejemplo un proyecto o una obra):</translation>
    </message>
    <message>
        <location filename="../collections_panel.py" line="64" />
        <source>Delete collection…</source>
        <translation>Eliminar colección…</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <location filename="../drop.py" line="28" />
        <source>Drop to add to “{collection}”

PDF, Word, text, Markdown and image files, or whole folders</source>
        <translation>Suelte para añadir a «{collection}»

Archivos PDF, Word, de texto, Markdown e imágenes, o carpetas enteras</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <location filename="../chat_cards.py" line="80" />
        <source>From your documents:</source>
        <translation>De sus documentos:</translation>
    </message>
</context>
<context>
    <name>EvidenceQuote</name>
    <message>
        <location filename="../chat_cards.py" line="59" />
        <source>Click to see this in its document</source>
        <translation>Haga clic para verlo en su documento</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <location filename="../indexing.py" line="42" />
        <source>Indexing</source>
        <translation>Indexando</translation>
    </message>
</context>
<context>
    <name>IndexingController</name>
    <message>
        <location filename="../indexing.py" line="160" />
        <source>Looking for documents…</source>
        <translation>Buscando documentos…</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../i18n.py" line="113" />
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="114" />
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../library_controller.py" line="80" />
        <source>Going on with 1 file that was waiting to be indexed when Faro closed.</source>
        <translation>Se continúa con 1 archivo que esperaba a indexarse cuando Faro se cerró.</translation>
    </message>
    <message>
        <location filename="../library_controller.py" line="81" />
        <source>Going on with {n} files that were waiting to be indexed when Faro closed.</source>
        <translation>Se continúa con {n} archivos que esperaban a indexarse cuando Faro se cerró.</translation>
    </message>
    <message>
        <location filename="../library_controller.py" line="78" />
        <source>The search index was damaged (Faro was probably stopped while writing it); it has been rebuilt from your library, nothing was lost ({n} passages).</source>
        <translation>El índice de búsqueda estaba dañado (probablemente Faro se detuvo mientras lo escribía); se ha reconstruido a partir de su biblioteca, sin perder nada ({n} pasajes).</translation>
    </message>
    <message>
        <location filename="../library_controller.py" line="83" />
        <source>This version of Faro reads tables better: reading 1 document again (it answers as before meanwhile).</source>
        <translation>Esta versión de Faro lee mejor las tablas: está volviendo a leer 1 documento (mientras tanto responde como antes).</translation>
    </message>
    <message>
        <location filename="../library_controller.py" line="84" />
        <source>This version of Faro reads tables better: reading {n} documents again (they answer as before meanwhile).</source>
        <translation>Esta versión de Faro lee mejor las tablas: está volviendo a leer {n} documentos (mientras tanto responden como antes).</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../library_panel.py" line="55" />
        <location filename="../library_panel.py" line="120" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="57" />
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="58" />
        <source>Remove the selected documents from the library (the files themselves are kept)</source>
        <translation>Quitar de la biblioteca los documentos seleccionados (los archivos se conservan)</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="60" />
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="79" />
        <source>Drop your documents here</source>
        <translation>Suelte aquí sus documentos</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="80" />
        <source>Drag PDF, Word, text, Markdown or image files — or whole folders — anywhere onto this window.</source>
        <translation>Arrastre archivos PDF, Word, de texto, Markdown o imágenes —o carpetas enteras— a cualquier parte de esta ventana.</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="81" />
        <source>Or use &lt;b&gt;Add files…&lt;/b&gt; (Ctrl+O) and &lt;b&gt;Add folder…&lt;/b&gt; (Ctrl+Shift+O).</source>
        <translation>O use &lt;b&gt;Añadir archivos…&lt;/b&gt; (Ctrl+O) y &lt;b&gt;Añadir carpeta…&lt;/b&gt; (Ctrl+Mayús+O).</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="82" />
        <source>Faro reads them on this computer; nothing is sent anywhere.</source>
        <translation>Faro los lee en este equipo; no se envía nada a ningún sitio.</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="113" />
        <source>{ready} ready · {pages} pages</source>
        <translation>{ready} listos · {pages} páginas</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="120" />
        <source>Enter password…</source>
        <translation>Introducir contraseña…</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="121" />
        <source>Index the selected failed documents again</source>
        <translation>Volver a indexar los documentos seleccionados que fallaron</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="137" />
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../library_panel.py" line="141" />
        <source>Remove from library…</source>
        <translation>Quitar de la biblioteca…</translation>
    </message>
</context>
<context>
    <name>LibraryTableModel</name>
    <message>
        <location filename="../library_model.py" line="17" />
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="17" />
        <source>Indexing…</source>
        <translation>Indexando…</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18" />
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="18" />
        <source>Failed</source>
        <translation>Con error</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="19" />
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="106" />
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="106" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="107" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="107" />
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="108" />
        <source>Passages</source>
        <translation>Pasajes</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="108" />
        <source>Added</source>
        <translation>Añadido</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="109" />
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="171" />
        <source>Updating…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="168" />
        <source>Needs password</source>
        <translation>Necesita contraseña</translation>
    </message>
    <message>
        <location filename="../library_model.py" line="178" />
        <source>Protected by a password: select it and choose “Enter password…”.</source>
        <translation>Protegido con contraseña: selecciónelo y elija «Introducir contraseña…».</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="38" />
        <location filename="../window.py" line="221" />
        <source>Add files</source>
        <translation>Añadir archivos</translation>
    </message>
    <message>
        <location filename="../window.py" line="38" />
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../window.py" line="39" />
        <source>Send the question</source>
        <translation>Enviar la pregunta</translation>
    </message>
    <message>
        <location filename="../window.py" line="39" />
        <location filename="../window.py" line="163" />
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <location filename="../window.py" line="40" />
        <location filename="../window.py" line="158" />
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../window.py" line="41" />
        <source>Copy the latest answer as Markdown</source>
        <translation>Copiar la última respuesta como Markdown</translation>
    </message>
    <message>
        <location filename="../window.py" line="42" />
        <source>Documents / Chat</source>
        <translation>Documentos / Chat</translation>
    </message>
    <message>
        <location filename="../window.py" line="43" />
        <source>Go to the question box</source>
        <translation>Ir al cuadro de pregunta</translation>
    </message>
    <message>
        <location filename="../window.py" line="43" />
        <source>Close the viewer</source>
        <translation>Cerrar el visor</translation>
    </message>
    <message>
        <location filename="../window.py" line="44" />
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../window.py" line="44" />
        <source>Remove document</source>
        <translation>Quitar documento</translation>
    </message>
    <message>
        <location filename="../window.py" line="72" />
        <location filename="../window.py" line="160" />
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../window.py" line="73" />
        <location filename="../window.py" line="161" />
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../window.py" line="93" />
        <source>Opening your library…</source>
        <translation>Abriendo su biblioteca…</translation>
    </message>
    <message>
        <location filename="../window.py" line="118" />
        <source>Preparing the embedding model (first start only, a few seconds)…</source>
        <translation>Preparando el modelo de embeddings (solo la primera vez, unos segundos)…</translation>
    </message>
    <message>
        <location filename="../window.py" line="119" />
        <source>Loading the language models…</source>
        <translation>Cargando los modelos de lenguaje…</translation>
    </message>
    <message>
        <location filename="../window.py" line="126" />
        <source>You can add documents while the models load.</source>
        <translation>Puede añadir documentos mientras se cargan los modelos.</translation>
    </message>
    <message>
        <location filename="../window.py" line="129" />
        <source>Library not available</source>
        <translation>Biblioteca no disponible</translation>
    </message>
    <message>
        <location filename="../window.py" line="130" />
        <source>{error}

Details are in the log: {log}</source>
        <translation>{error}

Los detalles están en el registro: {log}</translation>
    </message>
    <message>
        <location filename="../window.py" line="131" />
        <source>Faro cannot open the library</source>
        <translation>Faro no puede abrir la biblioteca</translation>
    </message>
    <message>
        <location filename="../window.py" line="135" />
        <source>Ready · everything stays on this computer</source>
        <translation>Listo · todo se queda en este equipo</translation>
    </message>
    <message>
        <location filename="../window.py" line="139" />
        <source>Model problem — see Settings</source>
        <translation>Problema con el modelo: vea Ajustes</translation>
    </message>
    <message>
        <location filename="../window.py" line="141" />
        <source>The models could not be loaded. Open Settings to choose another model.</source>
        <translation>No se pudieron cargar los modelos. Abra Ajustes para elegir otro modelo.</translation>
    </message>
    <message>
        <location filename="../window.py" line="155" />
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <location filename="../window.py" line="155" />
        <source>Add PDF, Word, text, Markdown or image files (Ctrl+O)</source>
        <translation>Añadir archivos PDF, Word, de texto, Markdown o imágenes (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="156" />
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <location filename="../window.py" line="156" />
        <source>Add every document in a folder (Ctrl+Shift+O)</source>
        <translation>Añadir todos los documentos de una carpeta (Ctrl+Mayús+O)</translation>
    </message>
    <message>
        <location filename="../window.py" line="157" />
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../window.py" line="157" />
        <source>Model and retrieval settings (Ctrl+,)</source>
        <translation>Ajustes del modelo y de la búsqueda (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../window.py" line="159" />
        <source>Copy latest answer as Markdown</source>
        <translation>Copiar la última respuesta como Markdown</translation>
    </message>
    <message>
        <location filename="../window.py" line="162" />
        <source>Ask a question</source>
        <translation>Hacer una pregunta</translation>
    </message>
    <message>
        <location filename="../window.py" line="164" />
        <source>Close viewer</source>
        <translation>Cerrar el visor</translation>
    </message>
    <message>
        <location filename="../window.py" line="165" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../window.py" line="166" />
        <location filename="../window.py" line="390" />
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../window.py" line="169" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../window.py" line="170" />
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <location filename="../window.py" line="171" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../window.py" line="172" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../window.py" line="199" />
        <location filename="../window.py" line="325" />
        <source>Looking through your documents…</source>
        <translation>Buscando en sus documentos…</translation>
    </message>
    <message>
        <location filename="../window.py" line="222" />
        <source>Documents (*.pdf *.docx *.txt *.md *.markdown *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Documentos (*.pdf *.docx *.txt *.md *.markdown *.png *.jpg *.jpeg *.tif *.tiff);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../window.py" line="247" />
        <source>The password for “{name}” is not correct.
Try again:</source>
        <translation>La contraseña de «{name}» no es correcta.
Inténtelo de nuevo:</translation>
    </message>
    <message>
        <location filename="../window.py" line="249" />
        <source>“{name}” is protected by a password.
Enter it to index the file:</source>
        <translation>«{name}» está protegido con contraseña.
Introdúzcala para indexar el archivo:</translation>
    </message>
    <message>
        <location filename="../window.py" line="251" />
        <source>Password needed</source>
        <translation>Se necesita contraseña</translation>
    </message>
    <message>
        <location filename="../window.py" line="272" />
        <source>Remove from library</source>
        <translation>Quitar de la biblioteca</translation>
    </message>
    <message>
        <location filename="../window.py" line="273" />
        <source>Remove {count} documents from “{collection}”?

{names}

Faro forgets their passages; the files on your disk are not touched.</source>
        <translation>¿Quitar {count} documentos de «{collection}»?

{names}

Faro olvida sus pasajes; los archivos de su disco no se tocan.</translation>
    </message>
    <message>
        <location filename="../window.py" line="242" />
        <source>Remove this document from “{collection}”?

{names}

Faro forgets its passages; the file on your disk is not touched.</source>
        <translation>¿Quitar este documento de «{collection}»?

{names}

Faro olvida sus pasajes; el archivo de su disco no se toca.</translation>
    </message>
    <message>
        <location filename="../window.py" line="282" />
        <source>Indexing in progress</source>
        <translation>Indexación en curso</translation>
    </message>
    <message>
        <location filename="../window.py" line="283" />
        <source>Wait for indexing to finish (or cancel it) before deleting a collection.</source>
        <translation>Espere a que termine la indexación (o cancélela) antes de eliminar una colección.</translation>
    </message>
    <message>
        <location filename="../window.py" line="286" />
        <source>Delete collection</source>
        <translation>Eliminar colección</translation>
    </message>
    <message>
        <location filename="../window.py" line="287" />
        <source>Delete the collection “{name}” with its index and saved chats?
Your files are not touched.</source>
        <translation>¿Eliminar la colección «{name}» con su índice y sus chats guardados?
Sus archivos no se tocan.</translation>
    </message>
    <message>
        <location filename="../window.py" line="304" />
        <source>Ask a question about the {count} documents in “{collection}”.</source>
        <translation>Haga una pregunta sobre los {count} documentos de «{collection}».</translation>
    </message>
    <message>
        <location filename="../window.py" line="274" />
        <source>Ask a question about the document in “{collection}”.</source>
        <translation>Haga una pregunta sobre el documento de «{collection}».</translation>
    </message>
    <message>
        <location filename="../window.py" line="276" />
        <source>Answers cite their sources; click a number to see the passage.</source>
        <translation>Las respuestas citan sus fuentes; pulse un número para ver el pasaje.</translation>
    </message>
    <message>
        <location filename="../window.py" line="306" />
        <source>Drop documents on the window to add them; then ask questions about them here.</source>
        <translation>Suelte documentos en la ventana para añadirlos; después haga aquí preguntas sobre ellos.</translation>
    </message>
    <message>
        <location filename="../window.py" line="321" />
        <source>Waiting for “{name}” to finish indexing…</source>
        <translation>Esperando a que termine de indexarse «{name}»…</translation>
    </message>
    <message>
        <location filename="../window.py" line="323" />
        <source>Waiting for the re-index to finish…</source>
        <translation>Esperando a que termine la reindexación…</translation>
    </message>
    <message>
        <location filename="../window.py" line="325" />
        <source>Waiting for the models to load…</source>
        <translation>Esperando a que se carguen los modelos…</translation>
    </message>
    <message>
        <location filename="../window.py" line="356" />
        <source>Answer and sources copied as Markdown.</source>
        <translation>Respuesta y fuentes copiadas como Markdown.</translation>
    </message>
</context>
<context>
    <name>Markdown</name>
    <message>
        <location filename="../sources.py" line="113" />
        <source>**Question:** </source>
        <translation>**Pregunta:** </translation>
    </message>
    <message>
        <location filename="../sources.py" line="115" />
        <source>_(no answer)_</source>
        <translation>_(sin respuesta)_</translation>
    </message>
    <message>
        <location filename="../sources.py" line="117" />
        <source>**Sources**</source>
        <translation>**Fuentes**</translation>
    </message>
    <message>
        <location filename="../sources.py" line="120" />
        <source>**Closest passages**</source>
        <translation>**Pasajes más cercanos**</translation>
    </message>
</context>
<context>
    <name>PdfPassageView</name>
    <message>
        <location filename="../pdf_viewer.py" line="36" />
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <location filename="../pdf_viewer.py" line="36" />
        <source>Make the page as wide as the viewer</source>
        <translation>Hacer la página tan ancha como el visor</translation>
    </message>
    <message>
        <location filename="../pdf_viewer.py" line="37" />
        <source>Fit page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <location filename="../pdf_viewer.py" line="37" />
        <source>Show the whole page</source>
        <translation>Mostrar la página entera</translation>
    </message>
    <message>
        <location filename="../pdf_viewer.py" line="38" />
        <source>Zoom out (Ctrl+wheel)</source>
        <translation>Alejar (Ctrl+rueda)</translation>
    </message>
    <message>
        <location filename="../pdf_viewer.py" line="39" />
        <source>Zoom in (Ctrl+wheel)</source>
        <translation>Acercar (Ctrl+rueda)</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../problems_panel.py" line="30" />
        <location filename="../problems_panel.py" line="87" />
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="32" />
        <source>Show log</source>
        <translation>Ver registro</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="33" />
        <source>Open Faro's log file, with the technical details of each problem</source>
        <translation>Abrir el archivo de registro de Faro, con los detalles técnicos de cada problema</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="69" />
        <source>Problems: 1 file was not added</source>
        <translation>Problemas: 1 archivo no se añadió</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="70" />
        <source>Problems: {n} files were not added</source>
        <translation>Problemas: {n} archivos no se añadieron</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="78" />
        <source>protected by a password: select it and choose “Enter password…”.</source>
        <translation>protegido con contraseña: selecciónelo y elija «Introducir contraseña…».</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="79" />
        <source>could not be read.</source>
        <translation>no se pudo leer.</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="87" />
        <source>Enter password…</source>
        <translation>Introducir contraseña…</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="88" />
        <source>Try the selected files again (only where that can help)</source>
        <translation>Volver a intentar los archivos seleccionados (solo donde puede servir)</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../progress_strip.py" line="18" />
        <source>a few seconds left</source>
        <translation>quedan unos segundos</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="20" />
        <source>about {n} s left</source>
        <translation>quedan unos {n} s</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="22" />
        <source>about {n} min left</source>
        <translation>quedan unos {n} min</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="23" />
        <source>about {n} h left</source>
        <translation>quedan unas {n} h</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="36" />
        <source>preparing passages for search: {done} of {total}</source>
        <translation>preparando los pasajes para la búsqueda: {done} de {total}</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="38" />
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="39" />
        <source>starting</source>
        <translation>empezando</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="40" />
        <source>reading the text</source>
        <translation>leyendo el texto</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="41" />
        <source>saving</source>
        <translation>guardando</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="42" />
        <source>re-indexing</source>
        <translation>reindexando</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="62" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="63" />
        <source>Stop indexing; documents already added stay in the library</source>
        <translation>Detener la indexación; los documentos ya añadidos se quedan en la biblioteca</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="77" />
        <source>{done} of {total} files</source>
        <translation>{done} de {total} archivos</translation>
    </message>
    <message>
        <location filename="../progress_strip.py" line="89" />
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="23" />
        <source>This copy of llama.cpp was built without GPU support, so answers are computed on the CPU.</source>
        <translation>Esta copia de llama.cpp se compiló sin soporte de GPU, así que las respuestas se calculan en la CPU.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="25" />
        <source>Fast (int8)</source>
        <translation>Rápido (int8)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="26" />
        <source>Full precision (about 3× slower indexing)</source>
        <translation>Precisión completa (indexación unas 3 veces más lenta)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63" />
        <source>reads up to {tokens} tokens at once (about {words} words)</source>
        <translation>lee hasta {tokens} tokens a la vez (unas {words} palabras)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="67" />
        <source>{n} layers</source>
        <translation>{n} capas</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="70" />
        <source>compressed to {bits} bits ({name})</source>
        <translation>comprimido a {bits} bits ({name})</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="72" />
        <source>{name} weights</source>
        <translation>pesos {name}</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="83" />
        <source>Faro settings</source>
        <translation>Ajustes de Faro</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="90" />
        <source>The model that comes with Faro</source>
        <translation>El modelo que viene con Faro</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="92" />
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94" />
        <source>Use bundled</source>
        <translation>Usar el incluido</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="106" />
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="107" />
        <source>A server</source>
        <translation>Un servidor</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="117" />
        <source>All layers</source>
        <translation>Todas las capas</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="125" />
        <source>Automatic ({n})</source>
        <translation>Automático ({n})</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="126" />
        <location filename="../settings_dialog.py" line="129" />
        <location filename="../settings_dialog.py" line="156" />
        <location filename="../settings_dialog.py" line="157" />
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="128" />
        <source>Lower is more literal and repeatable; higher is more varied</source>
        <translation>Más bajo es más literal y repetible; más alto, más variado</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="134" />
        <source>Answer model (GGUF):</source>
        <translation>Modelo de respuesta (GGUF):</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="137" />
        <source>Layers on the GPU:</source>
        <translation>Capas en la GPU:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="139" />
        <source>CPU threads:</source>
        <translation>Hilos de CPU:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="146" />
        <source>Answers come from:</source>
        <translation>Las respuestas vienen de:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="148" />
        <source>Context size:</source>
        <translation>Tamaño de contexto:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="149" />
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="150" />
        <source>Max answer length:</source>
        <translation>Longitud máxima de respuesta:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="151" />
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="155" />
        <source>How many passages are given to the model with each question</source>
        <translation>Cuántos pasajes recibe el modelo con cada pregunta</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="162" />
        <source>How the embedding model runs. Both find the same passages; switching keeps your documents indexed.</source>
        <translation>Cómo se ejecuta el modelo de embeddings. Los dos encuentran los mismos pasajes; al cambiar, sus documentos siguen indexados.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="165" />
        <source>Embedding model:</source>
        <translation>Modelo de embeddings:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="166" />
        <source>Number of sources:</source>
        <translation>Número de fuentes:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="167" />
        <source>Passage size:</source>
        <translation>Tamaño de pasaje:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="168" />
        <source>Passage overlap:</source>
        <translation>Solapamiento de pasajes:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="169" />
        <source>Read scanned pages and images (OCR, on this computer)</source>
        <translation>Leer páginas escaneadas e imágenes (OCR, en este equipo)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="171" />
        <source>Pages without a text layer, and PNG, JPEG or TIFF files, are read with local text recognition.</source>
        <translation>Las páginas sin capa de texto y los archivos PNG, JPEG o TIFF se leen con reconocimiento de texto local.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="173" />
        <source>Changing passage size or overlap offers to re-index your documents.</source>
        <translation>Al cambiar el tamaño o el solapamiento de los pasajes, Faro ofrece volver a indexar sus documentos.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="175" />
        <source>Retrieval</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="179" />
        <source>System ({language})</source>
        <translation>El del sistema ({language})</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="184" />
        <source>Takes effect when Faro restarts.</source>
        <translation>Se aplica al reiniciar Faro.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="186" />
        <source>Interface language:</source>
        <translation>Idioma de la interfaz:</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="187" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="192" />
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="197" />
        <source>Data folder (your library, chats and settings)</source>
        <translation>Carpeta de datos (su biblioteca, chats y ajustes)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="243" />
        <source>Checking whether this computer can use a GPU…</source>
        <translation>Comprobando si este equipo puede usar una GPU…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="244" />
        <source>Layers of the model to run on the GPU; more is faster if the GPU has enough memory.</source>
        <translation>Capas del modelo que se ejecutan en la GPU; más es más rápido si la GPU tiene memoria suficiente.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="284" />
        <source>Applying settings and loading the model…</source>
        <translation>Aplicando los ajustes y cargando el modelo…</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="302" />
        <source>{error}
Faro keeps using the previous settings.</source>
        <translation>{error}
Faro sigue usando los ajustes anteriores.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="310" />
        <source>Choose a GGUF model</source>
        <translation>Elegir un modelo GGUF</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="310" />
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="335" />
        <source>The bundled model is not installed; choose a GGUF file.</source>
        <translation>El modelo incluido no está instalado; elija un archivo GGUF.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="346" />
        <source> of {n}</source>
        <translation> de {n}</translation>
    </message>
</context>
<context>
    <name>SettingsFlow</name>
    <message>
        <location filename="../settings_flow.py" line="47" />
        <source>Applying settings and loading the model…</source>
        <translation>Aplicando los ajustes y cargando el modelo…</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="51" />
        <source>Settings saved.</source>
        <translation>Ajustes guardados.</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="62" />
        <source>Settings not applied: {error}</source>
        <translation>Ajustes no aplicados: {error}</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="66" />
        <source>Re-index documents?</source>
        <translation>¿Volver a indexar los documentos?</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="67" />
        <source>The new passage size applies to documents added from now on.
Re-index the documents already in this collection now? (Questions wait until it is done.)</source>
        <translation>El nuevo tamaño de pasaje se aplica a los documentos que se añadan a partir de ahora.
¿Volver a indexar ahora los documentos que ya están en esta colección? (Las preguntas esperan hasta que termine.)</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="81" />
        <location filename="../settings_flow.py" line="88" />
        <source>Re-indexing</source>
        <translation>Reindexando</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="89" />
        <source>Re-indexed {n} documents.</source>
        <translation>Reindexados {n} documentos.</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="87" />
        <source>Re-indexed {n} document.</source>
        <translation>Reindexado {n} documento.</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="99" />
        <source>Re-index cancelled; the previous index is still used.</source>
        <translation>Reindexación cancelada; se sigue usando el índice anterior.</translation>
    </message>
    <message>
        <location filename="../settings_flow.py" line="100" />
        <source>Re-index failed: {error}</source>
        <translation>La reindexación falló: {error}</translation>
    </message>
</context>
<context>
    <name>SourceRef</name>
    <message>
        <location filename="../sources.py" line="39" />
        <source>read from a scan</source>
        <translation>leído de un escaneo</translation>
    </message>
</context>
<context>
    <name>ViewerPane</name>
    <message>
        <location filename="../viewer_pane.py" line="27" />
        <source>The password for “{name}” is not correct.
Try again:</source>
        <translation>La contraseña de «{name}» no es correcta.
Inténtelo de nuevo:</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="28" />
        <source>“{name}” is protected by a password.
Enter it to open the file:</source>
        <translation>«{name}» está protegido con contraseña.
Introdúzcala para abrir el archivo:</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="31" />
        <source>Password needed</source>
        <translation>Se necesita contraseña</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="58" />
        <source>Previous part of the passage</source>
        <translation>Parte anterior del pasaje</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="59" />
        <source>Next part of the passage (it continues on the next page)</source>
        <translation>Parte siguiente del pasaje (continúa en la página siguiente)</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="62" />
        <source>Open in system viewer</source>
        <translation>Abrir en el visor del sistema</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="63" />
        <source>Open the file in the program your computer uses for it</source>
        <translation>Abrir el archivo con el programa que su equipo usa para él</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="65" />
        <source>Close the viewer (Ctrl+W)</source>
        <translation>Cerrar el visor (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="113" />
        <source>Faro no longer has the text of this document (it may have been removed from the library).</source>
        <translation>Faro ya no tiene el texto de este documento (puede que se haya quitado de la biblioteca).</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="114" />
        <source>This file is no longer where it was indexed (moved or deleted?).</source>
        <translation>Este archivo ya no está donde se indexó (¿movido o borrado?).</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="126" />
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="129" />
        <source> · the passage runs over pages {first}–{last} (◂ ▸ show each part)</source>
        <translation> · el pasaje ocupa las páginas {first}–{last} (◂ ▸ muestran cada parte)</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="130" />
        <source> · the exact passage could not be marked on this page</source>
        <translation> · no se pudo marcar el pasaje exacto en esta página</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="179" />
        <source>Page {0} of {1} · read from a scan</source>
        <translation>Página {0} de {1} · leído de un escaneo</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="188" />
        <source>Text read from the image (page {0}).</source>
        <translation>Texto leído de la imagen (página {0}).</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="190" />
        <source>The PDF could not be opened here; showing the text Faro read from page {page}.</source>
        <translation>El PDF no se pudo abrir aquí; se muestra el texto que Faro leyó de la página {page}.</translation>
    </message>
    <message>
        <location filename="../viewer_pane.py" line="193" />
        <source>Text</source>
        <translation>Texto</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../main.py" line="63" />
        <source>Faro cannot start</source>
        <translation>Faro no puede arrancar</translation>
    </message>
</context>
</TS>
