/// Files that are not text at all but a compressed archive or a spreadsheet workbook, told by their first bytes, so
/// that they are named as such rather than read as an empty or garbled table.
enum PackedFile {
    /// The magic numbers of the packed formats a data file is most often mistaken for, and what to do with each.
    static let kinds: [(magic: [UInt8], what: String)] = [
        ([0x1F, 0x8B], "a gzip-compressed file: decompress it first (gunzip), then give the CSV"),
        (
            [0x50, 0x4B, 0x03, 0x04],
            "a ZIP archive or an Excel workbook (.xlsx, .ods): unzip it, or save the sheet as CSV"
        ),
        ([0xD0, 0xCF, 0x11, 0xE0], "an Excel 97-2003 workbook (.xls): save the sheet as CSV"),
        ([0x42, 0x5A, 0x68], "a bzip2-compressed file: decompress it first (bunzip2), then give the CSV"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "an xz-compressed file: decompress it first (unxz), then give the CSV"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document: download the data as CSV instead"),
    ]

    /// What a file starting with `first` is, when it is one of ``kinds``.
    static func kind(of first: some Collection<UInt8>) -> String? {
        kinds.first { first.starts(with: $0.magic) }?.what
    }

    /// What the file of `blocks` is, when it is one of ``kinds``.
    /// - Throws: `ToolkitError` naming the file when it cannot be read.
    static func kind(of blocks: FileBlocks) throws -> String? {
        var first: [UInt8] = []
        try blocks.forEach(limit: 8, keepingByteOrderMark: true) { block in
            first += block.prefix(8 - first.count)
            return first.count < 8
        }
        return kind(of: first)
    }
}
