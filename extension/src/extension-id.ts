/**
 * The Chrome/Edge extension id, pinned by the manifest `key` (the public half of a key
 * pair kept outside the repository). The worker lists `chrome-extension://<id>` in
 * ALLOWED_ORIGINS, so this id must not change between builds or machines.
 * id = first 32 hex digits of sha256(DER public key), mapped 0-f -> a-p.
 */
export const EXTENSION_ID = "dlienkfcnafedijbndpebcmobikcbdei";

/** Base64 DER SubjectPublicKeyInfo: the manifest `key` behind EXTENSION_ID. */
export const EXTENSION_PUBLIC_KEY =
  "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsXnkm0PjFwV5UwfUU2ntrNNFAtIImvqZ8B14dbJViXs4YYbIgrlzULvHLQ8y8V6i9bVx03igQbX1+4LDRkf9IQXl37SzGhTSRC7mI3LYdGp4la9JUZfhGf9ZWSdVGL5kWVy47sf4qbUrBnWWIjXteu4IwF+0SX+kTdzHsEdbdDyIWyVhb0vbFm+ypLpVwreKvW5zABNHT+VfWRMFb9OooTE3zRdvxE3hcui1hkEWqFEtPDKxgA8fL2FLDnVR95T1QvKCjgyCnkGM6vHW4Oqx9U+dMHlCNLWjd/frdcKKw4HHy7H/F/W4LaFMUnOxFq3/rBNnBhNaBw0DNdHsvQfWdQIDAQAB";

/** Firefox add-on id (Firefox ignores `key`; managed storage needs a fixed gecko id). */
export const GECKO_ID = "spine-register@spine-reg.be";
