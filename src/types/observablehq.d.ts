// Types for Framework's virtual modules, which exist only inside the site's build.
declare module "observablehq:stdlib" {
  export interface FileAttachmentRef {
    readonly name: string;
    readonly href: string;
    readonly mimeType: string | undefined;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<unknown>;
    url(): Promise<string>;
  }
  export function FileAttachment(name: string): FileAttachmentRef;
}
