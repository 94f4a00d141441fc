/** YouTube comments (Mentions › Get Replies): the video id from a URL or a bare id. Pure. */

const PATTERNS = [/[?&]v=([\w-]{6,})/, /youtu\.be\/([\w-]{6,})/, /shorts\/([\w-]{6,})/];

/** `watch?v=<id>`, `youtu.be/<id>`, `shorts/<id>` → `<id>`; anything else as given. */
export function youtubeVideoId(input: string): string {
	const v = input.trim();
	for (const re of PATTERNS) {
		const m = re.exec(v);
		if (m) return m[1];
	}
	return v;
}
