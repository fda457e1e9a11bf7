/**
 * A small Language Server Protocol client for the real `yaml-language-server`, driven over stdio: just enough of
 * the protocol (Content-Length framing, requests, notifications, the server's own requests) to ask for
 * completions and hovers and to collect the diagnostics it publishes, as an editor would.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** An LSP position: zero-based line and character. */
export interface Position {
  line: number;
  character: number;
}

/** A diagnostic as the server publishes it. */
export interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
  source?: string;
}

/** A completion item as the server offers it. */
export interface CompletionItem {
  label: string;
  insertText?: string;
  textEdit?: { newText: string };
  documentation?: string | { kind: string; value: string };
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** The server's own launcher, as the editor extension runs it. */
const SERVER = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');

/** The `yaml` settings an editor with the YAML extension would send: validation, hovers and completion on. */
export const EDITOR_SETTINGS = {
  validate: true,
  hover: true,
  completion: true,
  schemaStore: { enable: false },
  schemas: {},
};

/** A running `yaml-language-server` and the client talking to it. */
export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly waiters: { uri: string; test(d: Diagnostic[]): boolean; resolve(d: Diagnostic[]): void }[] = [];
  /** What the server wrote to stderr, for failure messages. */
  stderr = '';

  private constructor(private readonly settings: Record<string, unknown>) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`yaml-language-server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Starts a server rooted at a folder, initialised with completion, hover and diagnostics capabilities. */
  static async start(root: string, settings: Record<string, unknown> = EDITOR_SETTINGS): Promise<YamlLanguageServer> {
    const server = new YamlLanguageServer(settings);
    const rootUri = pathToFileURL(root).href;
    const initialize = server.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'test' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true },
        },
      },
    });
    try {
      await initialize;
    } catch (error) {
      server.child.kill('SIGKILL');
      throw error;
    }
    server.notify('initialized', {});
    server.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
    return server;
  }

  /** Opens a YAML document by its file path, with the given text. */
  open(file: string, text: string): string {
    const uri = pathToFileURL(file).href;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** The completion items at a position. */
  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position })) as
      | { items: CompletionItem[] }
      | CompletionItem[]
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** The hover text at a position (Markdown), or '' when there is none. */
  async hover(uri: string, position: Position): Promise<string> {
    const result = (await this.request('textDocument/hover', { textDocument: { uri }, position })) as {
      contents: string | { value: string };
    } | null;
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  /** The first diagnostics published for a document that pass a test (by default, any non-empty set). */
  diagnosticsFor(
    uri: string,
    test: (d: Diagnostic[]) => boolean = (d) => d.length > 0,
    timeoutMs = 15_000,
  ): Promise<Diagnostic[]> {
    const seen = (this.diagnostics.get(uri) ?? []).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = JSON.stringify(this.diagnostics.get(uri)?.at(-1) ?? null);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${last}`));
      }, timeoutMs);
      this.waiters.push({
        uri,
        test,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  /** Shuts the server down and ends its process. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2_000))]);
      this.notify('exit', null);
    } catch {
      // The server is going anyway.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await exited;
    clearTimeout(timer);
  }

  private request(method: string, params: unknown, timeoutMs = 15_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(`${message.error.message}\n${this.stderr}`));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: settings by section, and plain acknowledgement of everything else.
      const result =
        message.method === 'workspace/configuration'
          ? ((message.params as { items: { section?: string }[] }).items ?? []).map((item) =>
              item.section === 'yaml' ? this.settings : item.section === 'http' ? { proxyStrictSSL: false } : {},
            )
          : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      const list = this.diagnostics.get(uri) ?? [];
      list.push(diagnostics);
      this.diagnostics.set(uri, list);
      for (const w of [...this.waiters]) {
        if (w.uri === uri && w.test(diagnostics)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(diagnostics);
        }
      }
    }
  }
}

/** The zero-based position of the first occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0): Position {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the document`);
  const before = text.slice(0, index + offset);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
}
