import type { FrameworkModel } from './framework-model';

/** The WHATWG Fetch `Request` that Next.js, Hono, Workers and Deno hand handlers: `headers.get()`, `json()`, `url`. */
const fetchApi: FrameworkModel = {
  kind: 'framework',
  id: 'fetch',
  name: 'Fetch API Request',
  packages: [],
  covers: '`request.headers.get()`, `await request.json()/formData()/text()`, `new URL(request.url).searchParams`, `signal`',
  request: {
    members: { headers: { source: 'header' }, url: { url: 'string' } },
    methods: {
      json: { body: true },
      formData: { body: true },
      text: { body: true },
    },
    frameworkMembers: ['signal', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'],
  },
};

export default fetchApi;
