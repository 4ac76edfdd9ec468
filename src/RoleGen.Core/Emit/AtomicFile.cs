using System.Text;

namespace RoleGen.Core.Emit;

/// <summary>
/// Writes a file all at once or not at all: the text goes to a temporary file beside the target, which then
/// replaces it with a rename. A crash or a full disk never leaves a half-written template or report.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
