using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RoleGen.Core.Diff.GitHub;

/// <summary>
/// A small client for the GitHub REST API: JSON in and out, the headers GitHub asks for, pagination through
/// <c>Link</c> headers (never to another host), and failures turned into <see cref="GitHubApiException"/>s that say
/// what to do. The token is sent only to the API host and never appears in a message.
/// </summary>
public sealed class GitHubClient : IDisposable
{
    public const string DefaultApiUrl = "https://api.github.com";
    private const int MaxPages = 100;

    private readonly HttpClient _http;
    private readonly Uri _api;
    private readonly string _token;

    public GitHubClient(string apiUrl, string token, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new GitHubApiException("GITHUB_TOKEN is empty or holds white space or control characters.");
        if (!Uri.TryCreate(apiUrl.TrimEnd('/') + "/", UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(api.Query) || !string.IsNullOrEmpty(api.UserInfo))
            throw new GitHubApiException($"--api-url must be an https URL such as {DefaultApiUrl} (GitHub Enterprise: https://HOST/api/v3).");
        if (api.Scheme == "http" && !api.IsLoopback)
            throw new GitHubApiException("--api-url must use https: the token is not sent over plain http (except to this machine).");
        _api = api;
        _token = token;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true) { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public Uri ApiUrl => _api;

    public async Task<JToken> SendAsync(HttpMethod method, string path, JToken? body = null, CancellationToken cancel = default) =>
        (await SendRawAsync(method, new Uri(_api, path), body, cancel).ConfigureAwait(false)).Json;

    /// <summary>Every item of a list endpoint, following <c>rel="next"</c> links (at most 100 pages).</summary>
    public async Task<List<JObject>> GetAllAsync(string path, CancellationToken cancel = default)
    {
        var items = new List<JObject>();
        Uri? next = new(_api, path);
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages) throw new GitHubApiException($"GET {Describe(new Uri(_api, path))}: more than {MaxPages} pages; stopped.");
            var (json, link) = await SendRawAsync(HttpMethod.Get, next, null, cancel).ConfigureAwait(false);
            if (json is not JArray array) throw new GitHubApiException($"GET {Describe(next)}: GitHub answered with something other than a list.");
            items.AddRange(array.OfType<JObject>());
            next = NextPage(link);
            if (next is not null && (next.Scheme != _api.Scheme || next.Host != _api.Host || next.Port != _api.Port))
                throw new GitHubApiException($"GET {Describe(new Uri(_api, path))}: the next page is on another host ({next.Host}); not following it with the token.");
        }
        return items;
    }

    /// <summary>The <c>rel="next"</c> target of a <c>Link</c> header: <c>&lt;https://...&amp;page=2&gt;; rel="next", &lt;...&gt;; rel="last"</c>.</summary>
    public static Uri? NextPage(string? link)
    {
        if (string.IsNullOrEmpty(link)) return null;
        foreach (var part in link.Split(','))
        {
            var pieces = part.Split(';');
            var target = pieces[0].Trim();
            if (!target.StartsWith('<') || !target.EndsWith('>')) continue;
            var isNext = pieces.Skip(1).Select(p => p.Trim()).Any(p => p.Replace(" ", "") is "rel=\"next\"" or "rel=next");
            if (isNext && Uri.TryCreate(target[1..^1], UriKind.Absolute, out var uri)) return uri;
        }
        return null;
    }

    private async Task<(JToken Json, string? Link)> SendRawAsync(HttpMethod method, Uri uri, JToken? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("rolegen", typeof(GitHubClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        if (body is not null) request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GitHubApiException($"cannot reach {_api.Host}: {Redact(e.Message)}");
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw new GitHubApiException($"{method} {Describe(uri)}: GitHub did not answer within {_http.Timeout.TotalSeconds:0} seconds.");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw Failure(method, uri, response, text);
            var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(",", links) : null;
            if (string.IsNullOrWhiteSpace(text)) return (JValue.CreateNull(), link);
            try
            {
                return (JToken.Parse(text), link);
            }
            catch (JsonException)
            {
                throw new GitHubApiException($"{method} {Describe(uri)}: GitHub answered {(int)response.StatusCode} with a body that is not JSON.", (int)response.StatusCode);
            }
        }
    }

    private GitHubApiException Failure(HttpMethod method, Uri uri, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        var what = $"{method} {Describe(uri)}";
        var detail = Detail(text);
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var remaining = Header("x-ratelimit-remaining");
        var retryAfter = Header("Retry-After");
        if ((status is 403 or 429) && remaining == "0")
        {
            var reset = long.TryParse(Header("x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
                ? $"; it resets at {DateTimeOffset.FromUnixTimeSeconds(epoch).UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "";
            return new GitHubApiException($"{what}: GitHub API rate limit exceeded ({status}){reset}. Try again later.", status);
        }
        if (status == 429 || (status == 403 && retryAfter is not null))
            return new GitHubApiException($"{what}: GitHub is rate limiting these requests ({status}, secondary rate limit){(retryAfter is null ? "" : $"; retry after {retryAfter} seconds")}.", status);
        var message = status switch
        {
            401 => $"{what}: GitHub rejected the token (401{detail}). Check that GITHUB_TOKEN holds a valid, unexpired token.",
            403 => $"{what}: GitHub refused the request (403{detail}). The token needs the 'pull-requests: write' permission; pull requests from forks get a read-only token.",
            404 => $"{what}: not found (404{detail}). Check --repo and --pr, and that the token can see the repository.",
            422 => $"{what}: GitHub rejected the request (422{detail}).",
            >= 300 and < 400 => $"{what}: GitHub answered {status} (moved to {response.Headers.Location?.GetLeftPart(UriPartial.Path) ?? "elsewhere"}); check --repo and --api-url.",
            _ => $"{what}: GitHub answered {status} {response.ReasonPhrase}{detail}.",
        };
        return new GitHubApiException(message, status);
    }

    /// <summary>": message; error, error" from a GitHub error body, on one line and short.</summary>
    private string Detail(string text)
    {
        try
        {
            if (JToken.Parse(text) is not JObject error) return "";
            var parts = new List<string>();
            if (error["message"]?.Type == JTokenType.String) parts.Add(error.Value<string>("message")!);
            if (error["errors"] is JArray errors)
                parts.AddRange(errors.Select(e => e is JObject o ? o.Value<string>("message") ?? string.Join(" ", new[] { o.Value<string>("resource"), o.Value<string>("field"), o.Value<string>("code") }.Where(s => s is not null)) : e.ToString()));
            var joined = string.Join("; ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
            joined = new string(joined.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
            if (joined.Length > 300) joined = joined[..300] + "...";
            return joined.Length == 0 ? "" : ": " + Redact(joined);
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private string Redact(string text) => text.Replace(_token, "***", StringComparison.Ordinal);

    /// <summary>The request path without the API prefix or query (for messages).</summary>
    private string Describe(Uri uri)
    {
        var path = uri.AbsolutePath;
        var prefix = _api.AbsolutePath.TrimEnd('/');
        return prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
    }

    public void Dispose() => _http.Dispose();
}
