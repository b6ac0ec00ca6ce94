// Eleventy 3 ships no type declarations; this is the part of its programmatic API Wenku uses.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    /** A config file, or false for none (the config callback then does it all). */
    configPath?: string | false;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (eleventyConfig: never) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIgnoreInitial(ignore: boolean): void;
    disableLogger(): void;
  }
}
