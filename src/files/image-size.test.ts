import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImageSizes, readImageSize, sizeOfBytes, type ImageFile } from "./image-size.ts";

/** Small real images, made with ImageMagick, cwebp and exiftool. */
const MEDIA = path.resolve(import.meta.dirname, "../../tests/fixtures/image-sizes/media");

function imageFile(source: string): ImageFile {
  const stat = statSync(source);
  return { source, size: stat.size, mtimeMs: stat.mtimeMs };
}

describe("readImageSize", () => {
  it.each([
    ["2019/photo.jpg", 640, 480],
    ["chart.png", 320, 200],
    ["anim.gif", 16, 12],
    ["pic.webp", 50, 40],
    ["diagram.svg", 120, 80],
    ["廠房.png", 24, 18],
  ])("reads %s as %i × %i", async (name, width, height) => {
    expect(await readImageSize(imageFile(path.join(MEDIA, name)))).toEqual({ width, height });
  });

  it("swaps the sides of a JPEG whose EXIF orientation turns it a quarter (stored 40 × 30, shown 30 × 40)", async () => {
    expect(await readImageSize(imageFile(path.join(MEDIA, "rotated.jpg")))).toEqual({ width: 30, height: 40 });
  });

  it("gives null for an SVG without a size or a viewBox (width 100%)", async () => {
    expect(await readImageSize(imageFile(path.join(MEDIA, "fluid.svg")))).toBeNull();
  });

  it("uses the bytes already read when it is given them (an SVG the media check read)", async () => {
    const data = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"></svg>');
    expect(await readImageSize({ source: "/nowhere.svg", size: data.length, mtimeMs: 0, data })).toEqual({
      width: 30,
      height: 10,
    });
  });

  it("reads the whole file when a JPEG's frame header lies past the first 64 KiB", async () => {
    const jpeg = readFileSync(path.join(MEDIA, "2019/photo.jpg"));
    // Two 60,000-byte comment segments (FF FE, length) right after the start-of-image marker.
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0xea, 0x62]), Buffer.alloc(60_000, 0x20)]);
    const big = Buffer.concat([jpeg.subarray(0, 2), comment, comment, jpeg.subarray(2)]);
    expect(sizeOfBytes(big.subarray(0, 64 * 1024))).toBeNull();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wenku-image-")), "big.jpg");
    writeFileSync(file, big);
    expect(await readImageSize(imageFile(file))).toEqual({ width: 640, height: 480 });
  });

  it("gives null for bytes that are no image it knows, and for an empty file", async () => {
    expect(sizeOfBytes(Buffer.from("%PDF-1.4\n"))).toBeNull();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wenku-image-")), "empty.png");
    writeFileSync(file, "");
    expect(await readImageSize(imageFile(file))).toBeNull();
  });
});

describe("ImageSizes", () => {
  const counting = () => {
    const reads: string[] = [];
    const sizes = new ImageSizes(async (file) => {
      reads.push(file.source);
      return { width: file.size, height: 1 };
    });
    return { reads, sizes };
  };

  it("reads a file once while its size and mtime stay the same", async () => {
    const { reads, sizes } = counting();
    const a = { source: "/m/a.jpg", size: 10, mtimeMs: 1 };
    expect(await sizes.of(a)).toEqual({ width: 10, height: 1 });
    expect(await sizes.of({ ...a })).toEqual({ width: 10, height: 1 });
    expect(reads).toEqual(["/m/a.jpg"]);
  });

  it("reads it again when its size or its mtime changed", async () => {
    const { reads, sizes } = counting();
    await sizes.of({ source: "/m/a.jpg", size: 10, mtimeMs: 1 });
    expect(await sizes.of({ source: "/m/a.jpg", size: 12, mtimeMs: 1 })).toEqual({ width: 12, height: 1 });
    await sizes.of({ source: "/m/a.jpg", size: 12, mtimeMs: 2 });
    await sizes.of({ source: "/m/a.jpg", size: 12, mtimeMs: 2 });
    expect(reads).toEqual(["/m/a.jpg", "/m/a.jpg", "/m/a.jpg"]);
  });

  it("keeps a file that is no image as null, without reading it again, and a failed read as null", async () => {
    let reads = 0;
    const sizes = new ImageSizes(async (file) => {
      reads++;
      if (file.source.endsWith(".gone")) throw new Error("ENOENT");
      return null;
    });
    const doc = { source: "/m/a.pdf", size: 5, mtimeMs: 1 };
    expect(await sizes.of(doc)).toBeNull();
    expect(await sizes.of(doc)).toBeNull();
    expect(await sizes.of({ source: "/m/b.gone", size: 5, mtimeMs: 1 })).toBeNull();
    expect(reads).toBe(2);
  });

  it("forgets files no longer asked for", async () => {
    const { reads, sizes } = counting();
    const a = { source: "/m/a.jpg", size: 10, mtimeMs: 1 };
    const b = { source: "/m/b.jpg", size: 11, mtimeMs: 1 };
    await sizes.of(a);
    await sizes.of(b);
    sizes.keepOnly([b.source]);
    await sizes.of(a);
    await sizes.of(b);
    expect(reads).toEqual(["/m/a.jpg", "/m/b.jpg", "/m/a.jpg"]);
  });
});
