using System.Text;

namespace RoleGen.Core.Emit;

/// <summary>
/// Writes a file all at once or not at all: the text goes to a temporary file beside the target, which then
/// replaces it with a rename. A crash or a full disk never leaves a half-written template or report.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string text, bool byteOrderMark = false)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>True when the file starts with a UTF-8 byte order mark, which a rewrite must keep.</summary>
    public static bool HasByteOrderMark(string path)
    {
        Span<byte> start = stackalloc byte[3];
        using var stream = File.OpenRead(path);
        return stream.Read(start) == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
    }
}
