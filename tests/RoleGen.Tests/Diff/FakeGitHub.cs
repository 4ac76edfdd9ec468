using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RoleGen.Tests.Diff;

/// <summary>
/// A loopback HTTP server (127.0.0.1, a free port) that answers like the GitHub REST API for one pull request:
/// issue comments, review comments, reviews and changed files, with Link-header pagination. It records every
/// request; <see cref="Fail"/> makes chosen requests fail the way GitHub does.
/// </summary>
internal sealed partial class FakeGitHub : IDisposable
{
    public sealed record Request(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, JToken? Body);

    public sealed record Failure(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly object _gate = new();
    private long _nextId = 1000;

    public FakeGitHub(string owner = "acme", string repo = "shop", int pr = 7, int pageSize = 2)
    {
        (Owner, Repo, Pr, PageSize) = (owner, repo, pr, pageSize);
        // The free port can be taken by a parallel test before the listener starts: try another with a new listener
        // (a listener whose start failed throws again when its prefixes are changed or it is closed).
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                (_listener, Url) = (listener, $"http://127.0.0.1:{port}/api/v3");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                try { listener.Abort(); } catch (HttpListenerException) { }
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public string Owner { get; }
    public string Repo { get; }
    public int Pr { get; }
    public int PageSize { get; }

    /// <summary>The API root to pass as --api-url (with a path prefix, like GitHub Enterprise's /api/v3).</summary>
    public string Url { get; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    public List<JObject> IssueComments { get; } = [];
    public List<JObject> ReviewComments { get; } = [];
    public List<JObject> Reviews { get; } = [];

    /// <summary>The pull request's changed files, as GET .../pulls/{n}/files lists them.</summary>
    public List<JObject> Files { get; } = [];

    /// <summary>Answers a request with a failure instead of serving it, when it returns one.</summary>
    public Func<Request, Failure?>? Fail { get; set; }

    public JObject AddIssueComment(string body, string login = "someone")
    {
        lock (_gate)
        {
            var comment = new JObject { ["id"] = _nextId++, ["body"] = body, ["user"] = new JObject { ["login"] = login, ["type"] = login.EndsWith("[bot]") ? "Bot" : "User" }, ["html_url"] = $"https://github.test/{Owner}/{Repo}/pull/{Pr}#issuecomment-{_nextId}" };
            IssueComments.Add(comment);
            return comment;
        }
    }

    public void AddFile(string path, string patch, string status = "modified") =>
        Files.Add(new JObject { ["filename"] = path, ["status"] = status, ["patch"] = patch });

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try { Handle(context); }
            catch (Exception e) { Respond(context, 500, new JObject { ["message"] = "fake server error: " + e.Message }); }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var http = context.Request;
        string text;
        using (var reader = new StreamReader(http.InputStream, Encoding.UTF8)) text = reader.ReadToEnd();
        var path = http.Url!.AbsolutePath;
        var headers = http.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => http.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var request = new Request(http.HttpMethod, path, http.Url.Query, headers, text.Length == 0 ? null : JToken.Parse(text));
        Requests.Enqueue(request);

        if (Fail?.Invoke(request) is { } failure)
        {
            foreach (var (name, value) in failure.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            Respond(context, failure.Status, JToken.Parse(failure.Body));
            return;
        }
        if (!path.StartsWith("/api/v3/", StringComparison.Ordinal)) { NotFound(context); return; }
        var route = path["/api/v3".Length..];
        var prefix = $"/repos/{Owner}/{Repo}";
        lock (_gate)
        {
            switch (http.HttpMethod, route)
            {
                case ("GET", var r) when r == $"{prefix}/issues/{Pr}/comments": Page(context, IssueComments); return;
                case ("POST", var r) when r == $"{prefix}/issues/{Pr}/comments":
                    Respond(context, 201, AddIssueComment(request.Body!.Value<string>("body")!, "github-actions[bot]"));
                    return;
                case ("PATCH", var r) when CommentPath().Match(r) is { Success: true } m && r.StartsWith(prefix + "/", StringComparison.Ordinal):
                    var comment = IssueComments.FirstOrDefault(c => c.Value<long>("id") == long.Parse(m.Groups[1].Value));
                    if (comment is null) { NotFound(context); return; }
                    comment["body"] = request.Body!.Value<string>("body");
                    Respond(context, 200, comment);
                    return;
                case ("GET", var r) when r == $"{prefix}/pulls/{Pr}/files": Page(context, Files); return;
                case ("GET", var r) when r == $"{prefix}/pulls/{Pr}/comments": Page(context, ReviewComments); return;
                case ("POST", var r) when r == $"{prefix}/pulls/{Pr}/reviews":
                    PostReview(context, (JObject)request.Body!);
                    return;
                default: NotFound(context); return;
            }
        }
    }

    /// <summary>Like GitHub: every line comment must sit on a line of the diff, else 422 and nothing is posted.</summary>
    private void PostReview(HttpListenerContext context, JObject review)
    {
        var comments = ((JArray?)review["comments"] ?? []).Cast<JObject>().ToList();
        foreach (var comment in comments)
        {
            var file = Files.FirstOrDefault(f => f.Value<string>("filename") == comment.Value<string>("path"));
            var onDiff = file is not null && comment.Value<string>("side") == "RIGHT" && comment["position"] is null &&
                         RoleGen.Core.Diff.GitHub.PatchLines.Added(file.Value<string>("patch")).Contains(comment.Value<int>("line"));
            if (!onDiff)
            {
                Respond(context, 422, JObject.Parse("""{"message":"Unprocessable Entity","errors":["Line could not be resolved"],"status":"422"}"""));
                return;
            }
        }
        var id = _nextId++;
        Reviews.Add(review);
        foreach (var comment in comments)
            ReviewComments.Add(new JObject { ["id"] = _nextId++, ["pull_request_review_id"] = id, ["path"] = comment["path"], ["line"] = comment["line"], ["body"] = comment["body"] });
        Respond(context, 200, new JObject { ["id"] = id, ["state"] = "COMMENTED" });
    }

    private void Page(HttpListenerContext context, List<JObject> items)
    {
        var query = System.Web.HttpUtility.ParseQueryString(context.Request.Url!.Query);
        var page = int.TryParse(query["page"], out var p) ? p : 1;
        var size = Math.Min(PageSize, int.TryParse(query["per_page"], out var s) ? s : 30);
        var slice = items.Skip((page - 1) * size).Take(size).ToList();
        if (page * size < items.Count)
        {
            query["page"] = (page + 1).ToString();
            var next = new UriBuilder(context.Request.Url) { Query = query.ToString() }.Uri;
            context.Response.Headers["Link"] = $"<{next}>; rel=\"next\", <{context.Request.Url.GetLeftPart(UriPartial.Path)}?page=99>; rel=\"last\"";
        }
        Respond(context, 200, new JArray(slice.Select(i => i.DeepClone())));
    }

    private static void NotFound(HttpListenerContext context) =>
        Respond(context, 404, JObject.Parse("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"""));

    private static void Respond(HttpListenerContext context, int status, JToken body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToString(Formatting.None));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    [GeneratedRegex(@"/issues/comments/(\d+)$")]
    private static partial Regex CommentPath();

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
