// HTML's named character references, all of them: a chunk of its own, loaded by entities.js only
// when a text names a reference outside its common few.
export { characterEntities } from "character-entities";
