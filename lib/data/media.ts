import { getStore } from '../store/database';
import { getMediaBytes } from '../store/media';

/** An uploaded picture's bytes and type, by id, for the routes that serve it and its crops (decision 015). */
export async function readUploadedPicture(id: string) {
  return getMediaBytes((await getStore()).db, id);
}
