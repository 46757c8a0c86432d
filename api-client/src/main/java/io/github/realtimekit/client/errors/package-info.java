/**
 * Everything the client throws (nothing here returns null unless marked {@code @Nullable}): {@link io.github.realtimekit.client.errors.RealtimeKitException} and
 * its subclasses, all unchecked.
 *
 * <pre>
 * RealtimeKitException
 * ├── InvalidArgumentException       an argument breaks the spec's constraints; nothing was sent
 * ├── ServiceException               the API answered with a status other than 2xx
 * │   ├── BadRequestException            400
 * │   ├── UnauthorizedException          401
 * │   ├── PermissionDeniedException      403
 * │   ├── NotFoundException              404
 * │   ├── ConflictException              409
 * │   ├── UnprocessableEntityException   422
 * │   ├── RateLimitException             429
 * │   ├── InternalServerException        5xx
 * │   └── UnexpectedStatusException      any other status
 * ├── NetworkException               no response: connection refused, reset or dropped
 * │   └── NetworkTimeoutException        no connection, or no whole response, in time
 * ├── CallCancelledException         the calling thread was interrupted; never retried
 * ├── ResponseTooLargeException      a 2xx body over the client's size limit; never retried
 * ├── PagingException                a walk through pages made no progress
 * ├── DownloadException              a recording's file could not be fetched (RecordingDownloader)
 * │   ├── NoDownloadUrlException         no download URL yet, or one that is not http(s)
 * │   ├── DownloadStatusException        the download host answered outside 2xx
 * │   ├── DownloadContentException       a 2xx that is not the file: HTML, short, or a wrong size
 * │   └── DownloadFileException          the file cannot be written or renamed
 * └── ResponseDecodingException      a 2xx response whose body is not the expected JSON
 *     └── ResponseValidationException    strict mode: the decoded body breaks the spec's constraints
 * </pre>
 */
@NullMarked
package io.github.realtimekit.client.errors;

import org.jspecify.annotations.NullMarked;
